/**
 * Opens the built task pane in headless Chromium (testing/browser.ts): dist/ served on loopback,
 * office.js from @microsoft/office-js (local copy), a CJK font from npm, a fake Excel, and every other
 * request refused and recorded.
 */
import { createServer, type Server } from "http";
import { readFile } from "fs/promises";
import type { FakeOptions, FakeSheetSpec } from "./fake-excel";
import { pageBundle } from "./page-bundle";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";

// Same paths from src/testing (tests) and lib/testing (bench).
const DIST = path.join(__dirname, "..", "..", "dist");
const OFFICE_JS = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
// Noto Sans SC from npm, so screenshots show Chinese on a machine without CJK fonts; the page's own
// font stack names it after the Windows fonts.
const FONTS = path.join(__dirname, "..", "..", "node_modules", "@fontsource", "noto-sans-sc");
const FONT_PREFIX = "/__test-fonts/";
const OFFICE_TELEMETRY_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;
const FONT_LINK = `<link rel="stylesheet" href="${FONT_PREFIX}400.css" /><link rel="stylesheet" href="${FONT_PREFIX}600.css" />`;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export interface PaneSession {
  browser: Browser;
  page: Page;
  origin: string;
  consoleErrors: string[];
  blocked: string[];
  /** office.js's telemetry frames the CSP refused. */
  cspBlocked: string[];
  close(): Promise<void>;
}

/** dist/ on loopback, with the test font linked into every page. */
export function serveDist(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const [base, rel] = pathname.startsWith(FONT_PREFIX)
      ? [FONTS, pathname.slice(FONT_PREFIX.length)]
      : [DIST, pathname];
    const file = path.join(base, rel);
    try {
      if (!file.startsWith(base + path.sep)) throw new Error("outside the served folder");
      let body: Buffer | string = await readFile(file);
      if (file.endsWith(".html")) body = body.toString("utf8").replace("</head>", `${FONT_LINK}</head>`);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const FAKE_SOURCE = path.join(__dirname, "..", "..", "src", "testing", "fake-excel");

/**
 * The fake Excel of src/testing, transpiled for the page and installed as `window.Excel` before
 * office.js loads; `window.__fake` gives the test its state.
 */
export function fakeExcelScript(specs: FakeSheetSpec[], options: FakeOptions = {}): string {
  return `(function () { var fake = ${pageBundle(FAKE_SOURCE)}.createFakeExcel(${JSON.stringify(specs)}, ${JSON.stringify(options)});
window.__fake = fake; window.Excel = fake.namespace; })();`;
}

/** The fake's state as plain JSON (Maps spread), for `page.evaluate`. */
export const FAKE_STATE = `(() => { const s = window.__fake.state; return {
  active: s.active, selection: s.selection, syncs: s.syncs, calculations: s.calculations, writes: s.writes,
  sheets: s.sheets.map((x) => ({ name: x.name, values: x.values, formulas: [...x.formulas], props: [...x.customProperties], cfs: x.conditionalFormats, protected: x.protected, protectionOptions: x.protectionOptions })) }; })()`;

export interface FakeStateJson {
  active: string;
  selection: { sheet: string; address: string } | null;
  syncs: number;
  calculations: string[];
  writes: { sheet: string; what: string }[];
  sheets: {
    name: string;
    values: unknown[][];
    formulas: [string, string][];
    props: [string, string][];
    cfs: { formula: string | null; ranges: string }[];
    protected: boolean;
    protectionOptions: Record<string, unknown> | null;
  }[];
}

/** Request paths answered otherwise: a body instead of the file, or null for 404 (an engine or network the pane cannot use). */
export type Replacements = Record<string, string | null>;

export async function openPane(
  specs: FakeSheetSpec[] = [],
  options: FakeOptions = {},
  replace: Replacements = {},
): Promise<PaneSession> {
  const server = await serveDist();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeServer = () => new Promise((r) => server.close(r));
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await closeServer(); // a failed launch must not keep jest alive
    throw e;
  }
  const close = async () => {
    try {
      await browser.close();
    } finally {
      server.closeAllConnections();
      await closeServer();
    }
  };
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const consoleErrors: string[] = [];
    const blocked: string[] = [];
    const cspBlocked: string[] = [];
    page.on("console", (m) => {
      if (m.type() !== "error") return;
      // Outside Office, office.js may try to frame Microsoft's telemetry service after a while; the page's
      // CSP refuses it (nothing leaves the page), which is the CSP doing its job, not a fault of the pane.
      if (OFFICE_TELEMETRY_BLOCKED.test(m.text())) return void cspBlocked.push(m.text());
      consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname in replace) {
        const body = replace[url.pathname];
        return body === null
          ? route.fulfill({ status: 404, body: "" })
          : route.fulfill({ body, contentType: "text/javascript" });
      }
      if (url.origin === origin) return route.continue();
      if (url.hostname === "appsforoffice.microsoft.com") {
        const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, "");
        try {
          return await route.fulfill({
            body: await readFile(path.join(OFFICE_JS, rel)),
            contentType: "text/javascript",
          });
        } catch {
          return route.fulfill({ status: 404, body: "" });
        }
      }
      blocked.push(url.href);
      return route.abort();
    });
    page.on("dialog", (d) => {
      consoleErrors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.addInitScript(fakeExcelScript(specs, options));
    return { browser, page, origin, consoleErrors, blocked, cspBlocked, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Document settings for a page outside Office (office.js gives none there): an in-page store with
 * `window.__settings` and a save counter `window.__saves`. Run with `page.evaluate(SETTINGS_STUB)`.
 */
export const SETTINGS_STUB = (): void => {
  const w = window as unknown as { __settings: Record<string, unknown>; __saves: number };
  w.__settings = {};
  w.__saves = 0;
  const settings = {
    get: (k: string) => w.__settings[k],
    set: (k: string, v: unknown) => {
      w.__settings[k] = v;
    },
    saveAsync: (cb: (r: { status: string }) => void) => {
      w.__saves++;
      cb({ status: Office.AsyncResultStatus.Succeeded as unknown as string });
    },
  };
  Object.defineProperty(Office.context, "document", { value: { settings }, configurable: true });
};
