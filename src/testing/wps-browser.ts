/**
 * The WPS add-in's pages (dist/wps/) in headless Chromium with the fake WPS installed as the page's
 * `Application` and `wps` globals before any script runs; `window.__wps` gives the test its state.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { FakeWpsOptions, FakeWpsSheetSpec } from "./fake-wps";
import { pageBundle } from "./page-bundle";
import { onServed } from "./served";

const FAKE_SOURCE = path.join(__dirname, "..", "..", "src", "testing", "fake-wps");

export function fakeWpsScript(specs: FakeWpsSheetSpec[], options: FakeWpsOptions = {}): string {
  return `(function () { var fake = ${pageBundle(FAKE_SOURCE)}.createFakeWps(${JSON.stringify(specs)}, ${JSON.stringify(options)});
window.__wps = fake; window.Application = fake.app; window.wps = fake.app; })();`;
}

/** The fake's state as plain JSON, for `page.evaluate`. */
export const WPS_STATE = `(() => { const s = window.__wps.state; return {
  active: s.active, selection: s.selection, calls: s.calls, prompts: s.prompts, calculations: s.calculations,
  functions: s.functions, panes: s.panes, opened: s.opened, events: s.events, storage: [...s.pluginStorage],
  properties: [...s.documentProperties],
  sheets: s.sheets.map((x) => ({ name: x.name, values: x.values, formulas: [...x.formulas], props: [...x.customProperties],
    conditions: x.conditions, formats: [...x.formats] })) }; })()`;

export interface WpsSession {
  browser: Browser;
  page: Page;
  origin: string;
  consoleErrors: string[];
  blocked: string[];
  close(): Promise<void>;
}

export async function openWps(
  specs: FakeWpsSheetSpec[],
  options: FakeWpsOptions = {},
  userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/104.0.5112.102 Safari/537.36 WpsOfficeApp/12.1.0.20540 (per,linux)",
): Promise<WpsSession> {
  return onServed(async ({ browser, origin, close }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, userAgent });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const blocked: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin) return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    await page.addInitScript(fakeWpsScript(specs, options));
    return { browser, page, origin, consoleErrors, blocked, close };
  });
}
