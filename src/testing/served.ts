/**
 * dist/ served on loopback and a headless Chromium (testing/browser.ts), started and closed together:
 * what every page test starts from (the pane, the browser app, the WPS pages).
 */
import { createServer, type Server } from "http";
import { readFile } from "fs/promises";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser";

// Same paths from src/testing (tests) and lib/testing (bench).
const DIST = path.join(__dirname, "..", "..", "dist");
// Noto Sans SC from npm, so screenshots show Chinese on a machine without CJK fonts; the page's own
// font stack names it after the Windows fonts.
const FONTS = path.join(__dirname, "..", "..", "node_modules", "@fontsource", "noto-sans-sc");
const FONT_PREFIX = "/__test-fonts/";
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

export interface Served {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** The server and the browser; a failed launch closes the server, so nothing keeps jest alive. */
export async function startServed(): Promise<Served> {
  const server = await serveDist();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeServer = () => new Promise((r) => server.close(r));
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await closeServer();
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
  return { browser, origin, close };
}

/** A session made on a served browser; if making it fails, everything is closed before the error goes on. */
export async function onServed<T>(make: (s: Served) => Promise<T>): Promise<T> {
  const served = await startServed();
  try {
    return await make(served);
  } catch (e) {
    await served.close();
    throw e;
  }
}
