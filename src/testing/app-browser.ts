/**
 * Opens the browser app (dist/app/index.html, or any page) in headless Chromium: dist/ served on loopback,
 * every request to anywhere else refused and recorded, downloads caught with their bytes.
 */
import { readFile } from "fs/promises";
import type { Browser, Download, Page } from "playwright-core";
import { onServed } from "./served";

export interface AppSession {
  browser: Browser;
  page: Page;
  origin: string;
  /** Every request the page made, and those refused (anything not on the served origin). */
  requests: string[];
  blocked: string[];
  consoleErrors: string[];
  downloads: Download[];
  /** The next download's suggested name and bytes. */
  nextDownload(click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }>;
  close(): Promise<void>;
}

export interface AppOptions {
  width?: number;
  height?: number;
  /** Refuse every request, the page's own included (a file:// page opened with the network off). */
  offline?: boolean;
}

export async function openApp(options: AppOptions = {}): Promise<AppSession> {
  return onServed(async ({ browser, origin, close }) => {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const blocked: string[] = [];
    const consoleErrors: string[] = [];
    const downloads: Download[] = [];
    page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("download", (d) => void downloads.push(d));
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (!options.offline && new URL(url).origin === origin) return route.continue();
      if (url.startsWith("file:") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const nextDownload = async (click: () => Promise<unknown>) => {
      const [d] = await Promise.all([page.waitForEvent("download"), click()]);
      return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
    };
    return { browser, page, origin, requests, blocked, consoleErrors, downloads, nextDownload, close };
  });
}
