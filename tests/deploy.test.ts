/** npm run package: the intranet deployment kit, and the pane served from it over HTTPS. */
import { execFileSync, spawnSync } from "child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from "fs";
import { createServer, type Server } from "https";
import { tmpdir } from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { launchChromium } from "../src/testing/browser";
import { fakeExcelScript } from "../src/testing/pane-browser";

const root = path.join(__dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "kaohe-deploy-"));
const build = path.join(work, "build");
const BASE = "https://kaohe.example.gov.cn/kaohe/";
const CHOICES = ["local", "microsoft", "21vianet"] as const;
const kit = (choice: string) => path.join(work, `deploy-${choice}`);

function pack(...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, "scripts", "package.js"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

beforeAll(() => {
  // One build (the bundles do not depend on the URL or the office.js choice), three kits from it. What a kit
  // build adds to dist/ (built by jest's globalSetup) is the add-in's content-hashed names: that compiler
  // alone is run, as package.js runs it, and the app's and WPS's builds (hashed already) are dist/'s.
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--config-name",
      "addin",
      "--env",
      "hashed",
      "--env",
      `outDir=${build}`,
    ],
    { cwd: root, stdio: "pipe", env: { ...process.env, KAOHE_URL: BASE.slice(0, -1) } },
  );
  for (const part of ["app", "wps", "kaohe.html"])
    cpSync(path.join(root, "dist", part), path.join(build, part), { recursive: true });
  for (const choice of CHOICES) {
    const r = pack("--url", BASE.slice(0, -1), "--office-js", choice, "--out", kit(choice), "--build-dir", build);
    if (r.status !== 0) throw new Error(r.stderr);
  }
}, 180000);

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

const manifestOf = (choice: string) => readFileSync(path.join(kit(choice), "manifest.xml"), "utf8");
const pageOf = (choice: string) => readFileSync(path.join(kit(choice), "web", "taskpane.html"), "utf8");
/** Every URL the manifest gives Office (attribute values and AppDomain), not its XML namespaces. */
const manifestUrls = (xml: string) => [
  ...[...xml.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]),
  ...[...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
];
const pageRefs = (html: string) =>
  [...html.matchAll(/\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
const csp = (html: string) => /Content-Security-Policy["']?\s+content="([^"]*)"/.exec(html)![1];

describe("npm run package -- --url …", () => {
  it("puts every manifest URL under the base, with or without its trailing slash; AppDomain is its origin", () => {
    const xml = manifestOf("local");
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u === "https://kaohe.example.gov.cn" || u.startsWith(BASE)).toBe(true);
    expect(xml).toContain("<AppDomain>https://kaohe.example.gov.cn</AppDomain>");
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml).not.toContain("localhost");
    const slash = path.join(work, "deploy-slash");
    expect(pack("--url", BASE, "--office-js", "local", "--out", slash, "--build-dir", build).status).toBe(0);
    expect(readFileSync(path.join(slash, "manifest.xml"), "utf8")).toBe(xml);
  });

  it("ships every file the manifest and the page name, each but the entry page under a content-hashed name", () => {
    for (const choice of CHOICES) {
      const web = path.join(kit(choice), "web");
      const named = [
        ...manifestUrls(manifestOf(choice))
          .filter((u) => u.startsWith(BASE))
          .map((u) => u.slice(BASE.length)),
        ...pageRefs(pageOf(choice)),
      ];
      for (const rel of new Set(named)) {
        expect(existsSync(path.join(web, rel))).toBe(true);
        if (rel === "taskpane.html" || rel.startsWith("office-js/")) continue;
        expect(rel).toMatch(/\.[0-9a-f]{8}\.(js|json|png)$/);
      }
      // The page's scripts: legacy.js, office.js (CDN or local), the two bundles.
      expect(pageRefs(pageOf(choice)).filter((u) => u.endsWith(".js")).length).toBe(choice === "local" ? 4 : 3);
    }
  });

  it("names a file by its content: a changed file gets a new name, an unchanged one keeps it", () => {
    const web = (choice: string) => files(path.join(kit(choice), "web")).filter((f) => !f.startsWith("office-js/"));
    // Same build, different office.js choice: only the entry page differs, so every hashed name is shared.
    expect(web("microsoft").sort()).toEqual(web("21vianet").sort());
    const functions = web("microsoft").find((f) => /^functions\.[0-9a-f]{8}\.json$/.test(f))!;
    const body = readFileSync(path.join(kit("microsoft"), "web", functions));
    const { createHash } = require("crypto") as typeof import("crypto");
    expect(functions).toContain(createHash("sha256").update(body).digest("hex").slice(0, 8));
  });

  it("loads office.js from the choice, and the CSP allows exactly that origin", () => {
    expect(csp(pageOf("microsoft"))).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(pageOf("microsoft")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const vianet = csp(pageOf("21vianet"));
    expect(vianet).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(vianet).not.toContain("microsoft.com");
    expect(pageOf("21vianet")).toContain(
      "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    );
    const local = csp(pageOf("local"));
    expect(local).not.toMatch(/https?:/);
    expect(local).toContain("script-src 'self';");
    expect(local).toContain("connect-src 'self'");
    const office = pageRefs(pageOf("local")).find((u) => u.endsWith("office.js"))!;
    expect(office).toMatch(/^office-js\/\d+\.\d+\.\d+\/office\.js$/);
    expect(existsSync(path.join(kit("local"), "web", path.dirname(office), "LICENSE.md"))).toBe(true);
    expect(existsSync(path.join(kit("local"), "web", path.dirname(office), "excel-win32-16.01.js"))).toBe(true);
  });

  it("writes nginx and IIS samples and a catalog registration (.reg UTF-16, PowerShell with BOM)", () => {
    const k = kit("microsoft");
    expect(readFileSync(path.join(k, "nginx", "kaohe.conf"), "utf8")).toMatch(
      /server_name kaohe\.example\.gov\.cn;[\s\S]*no-cache[\s\S]*immutable/,
    );
    expect(readFileSync(path.join(k, "iis", "web.config"), "utf8")).toContain('<location path="taskpane.html">');
    const reg = readFileSync(path.join(k, "catalog", "register-catalog.reg"));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const regText = reg.subarray(2).toString("utf16le");
    expect(regText).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
    expect(regText).toContain('"Url"="\\\\\\\\fileserver\\\\kaohe"');
    const id = /TrustedCatalogs\\(\{[0-9A-F-]{36}\})\]/.exec(regText)![1];
    expect(regText).toContain(`"Id"="${id}"`);
    const ps1 = readFileSync(path.join(k, "catalog", "register-catalog.ps1"));
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ps1.toString("utf8")).toContain(`$id = '${id}'`); // same share, same catalog id
  });

  it("refuses a URL that is not https, an unknown office.js choice, and a folder that is not a kit", () => {
    expect(pack("--url", "http://kaohe.example.gov.cn/").status).toBe(2);
    expect(pack("--url", BASE, "--office-js", "cdn").stderr).toContain("--office-js 只能是");
    expect(pack().stderr).toContain("--url");
    const mine = path.join(work, "mine");
    mkdirSync(mine);
    writeFileSync(path.join(mine, "工作.xlsx"), "keep me");
    const r = pack("--url", BASE, "--out", mine, "--build-dir", build);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("不是部署包目录");
    expect(readFileSync(path.join(mine, "工作.xlsx"), "utf8")).toBe("keep me");
  });
});

describe("the kit served as a static folder over HTTPS", () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const selfsigned = (await import("selfsigned")) as unknown as {
      generate(a: { name: string; value: string }[], o: object): Promise<{ private: string; cert: string }>;
    };
    const pems = await selfsigned.generate([{ name: "commonName", value: "127.0.0.1" }], {
      keySize: 2048,
      algorithm: "sha256",
    });
    const web = path.join(kit("local"), "web");
    server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const url = new URL(req.url ?? "/", "https://x");
      const rel = decodeURIComponent(url.pathname).replace(/^\/kaohe\//, "");
      const file = path.join(web, rel);
      if (!file.startsWith(web + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(404);
        return void res.end();
      }
      const type = {
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript",
        ".json": "application/json",
        ".png": "image/png",
      }[path.extname(file)];
      res.writeHead(200, { "Content-Type": type ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("loads the pane (local office.js, self-signed certificate) without errors or outside requests", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ ignoreHTTPSErrors: true });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        // office.js outside Office may frame Microsoft's telemetry; the CSP refusing it is the CSP working.
        if (m.type() === "error" && !/telemetryservice|Content Security Policy/.test(m.text())) errors.push(m.text());
      });
      page.on("request", (r) => requests.push(r.url()));
      await page.addInitScript(fakeExcelScript([{ name: "干部", values: [["姓名"]] }]));
      await page.goto(`${origin}/kaohe/taskpane.html`);
      await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
      expect(await page.isHidden("#legacy")).toBe(true);
      expect(await page.locator("#functions li").count()).toBe(11);
      expect(errors).toEqual([]);
      const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"));
      expect(outside.filter((u) => !u.includes("telemetryservice"))).toEqual([]);
      expect(requests.some((u) => /\/kaohe\/office-js\/[\d.]+\/office\.js$/.test(u))).toBe(true);
      expect(requests.some((u) => /\/kaohe\/taskpane\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 90000);
});

afterAll(() => execFileSync("rm", ["-rf", work]));
