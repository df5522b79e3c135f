/**
 * Opens the built task pane in headless Chromium (testing/browser.ts): dist/ served on loopback,
 * office.js from @microsoft/office-js (local copy), a CJK font from npm, a fake Excel, and every other
 * request refused and recorded.
 */
import { readFile } from "fs/promises";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { FakeOptions, FakeSheetSpec } from "./fake-excel";
import { pageBundle } from "./page-bundle";
import { onServed } from "./served";

const OFFICE_JS = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_TELEMETRY_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

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
  return onServed(async ({ browser, origin, close }) => {
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
  });
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
