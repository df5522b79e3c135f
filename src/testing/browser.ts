/**
 * Headless Chromium for the pane's tests and the benchmark: a system Chromium when there is one
 * (CHROMIUM_PATH, or Debian's), else the one @sparticuz/chromium ships inside its npm package — so
 * `npm install && npm test` needs nothing else on the machine. Never a download at run time.
 */
import { existsSync } from "fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export interface ChromiumFound {
  executablePath: string;
  from: "system" | "npm";
  args: string[];
}

interface Packaged {
  executablePath(): Promise<string>;
}

/** Where the browser comes from; the npm one is unpacked (about 2 s, once per machine) on first use. */
export async function findChromium(): Promise<ChromiumFound> {
  const system = [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM].find((p): p is string => !!p && existsSync(p));
  if (system) return { executablePath: system, from: "system", args: CHROMIUM_FLAGS };
  // Loaded only here: the package is ESM with a CommonJS build, and most runs never need it.
  const mod = require("@sparticuz/chromium") as Packaged & { default?: Packaged };
  const packaged = mod.default ?? mod;
  // Its own argument list is for AWS Lambda (--single-process, --disable-web-security): only what the
  // shell build needs to start is kept, so the page's same-origin rules and CSP stay as in Excel.
  return {
    executablePath: await packaged.executablePath(),
    from: "npm",
    args: [...CHROMIUM_FLAGS, "--no-zygote", "--use-angle=swiftshader", "--font-render-hinting=none"],
  };
}

/** Launches it headless; a failing launch fails fast with the path tried, leaving nothing running. */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  try {
    return await chromium.launch({
      executablePath: found.executablePath,
      headless: true,
      args: found.args,
      timeout: 30000,
    });
  } catch (e) {
    throw new Error(
      `headless Chromium (${found.from}: ${found.executablePath}) did not start: ${(e as Error).message}`,
    );
  }
}
