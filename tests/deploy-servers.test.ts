/**
 * The server samples work as written (issue 22, item 3): the nginx sample, embedded in a test config,
 * passes `nginx -t` and serves every file of the kit with the intended Cache-Control, for base paths with
 * spaces, Chinese and nginx's own syntax in them; what nginx cannot express is refused. The IIS
 * web.config is well-formed and declares a MIME type for every kind of file the kit holds.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { request } from "https";
import { createServer } from "net";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { filesUnder, pack, workWithBuild } from "./helpers/kit";

const ENABLE_NGINX = "apt-get install -y nginx-light";
const { work, build } = workWithBuild("kaohe-servers-");
chmodSync(work, 0o755); // nginx's workers (nobody) read the served files
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOST = "https://kaohe.example.gov.cn";
/** Base paths: plain; spaces and Chinese; characters that are syntax in nginx's configuration. */
const BASES = [`${HOST}/kaohe/`, `${HOST}/考核 加载项/v1/`, `${HOST}/k;a$b{c}'d"e%23f%25/`, `${HOST}/`];
const kitOf = (i: number) => path.join(work, `kit-${i}`);

beforeAll(() => {
  BASES.forEach((url, i) => {
    const r = pack("--url", url, "--office-js", "local", "--wps", "--out", kitOf(i), "--build-dir", build);
    if (r.status !== 0) throw new Error(r.stderr);
  });
});

const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;
/** The Cache-Control each file of web/ is meant to get. */
function intendedCache(rel: string): string | undefined {
  // Pages (the pane, the app, the single file) are revalidated; so is the WPS add-in's folder, whose
  // ribbon.xml and images keep their names (its hashed scripts excepted).
  if (rel.endsWith(".html")) return "no-cache";
  if (rel.startsWith("wps/"))
    return /\.[0-9a-f]{8}\.js$/.test(rel) ? "public, max-age=31536000, immutable" : "no-cache";
  if (rel.startsWith("office-js/")) return "public, max-age=86400";
  // A bundle's licence text, named by the bundle's comment: served as it is.
  if (rel.endsWith(".LICENSE.txt")) return undefined;
  if (HASHED.test(rel)) return "public, max-age=31536000, immutable";
  throw new Error(`a file of no known kind in the kit: ${rel}`);
}

describe("the nginx sample refuses what it cannot express", () => {
  it.each([
    ["an encoded slash inside a segment", `${HOST}/a%2Fb/`],
    ["a control character", `${HOST}/a%0Ab/`],
    ["a NUL", `${HOST}/a%00b/`],
    ["bytes that are not UTF-8", `${HOST}/a%FFb/`],
    ["an empty segment", `${HOST}/a//b/`],
  ])("%s", (_, url) => {
    const out = path.join(work, `refused-${encodeURIComponent(url)}`);
    const r = pack("--url", url, "--out", out, "--build-dir", build);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--url");
    expect(existsSync(out)).toBe(false);
  });
});

function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"];
  for (const dir of dirs) if (dir && existsSync(path.join(dir, "nginx"))) return path.join(dir, "nginx");
  return null;
}
const NGINX = findNginx();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
function get(port: number, pathname: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        rejectUnauthorized: false,
        agent: false,
        servername: "kaohe.example.gov.cn",
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The sample as written, but on a local port, with a test certificate and a root of our own. */
function embed(sample: string, port: number, cert: string, key: string, root: string): string {
  const swaps: [RegExp, string][] = [
    [/^ {4}listen \d+ ssl;$/m, `    listen 127.0.0.1:${port} ssl;`],
    [/^ {4}ssl_certificate +\S+;$/m, `    ssl_certificate ${cert};`],
    [/^ {4}ssl_certificate_key +\S+;$/m, `    ssl_certificate_key ${key};`],
    [/^ {4}root \/srv\/www;$/m, `    root ${root};`],
  ];
  let out = sample;
  for (const [re, to] of swaps) {
    expect(out).toMatch(re); // the test swaps exactly these lines and nothing else
    out = out.replace(re, to);
  }
  return out;
}

const describeWithNginx = NGINX ? describe : describe.skip;
// One plain line, as the LibreOffice tests say theirs (jest's console.log would add its own lines).
if (!NGINX) {
  process.stdout.write(
    `skipped: the nginx sample served by nginx — nginx is not installed; enable with: ${ENABLE_NGINX}\n`,
  );
}

describeWithNginx("the nginx sample, served by nginx", () => {
  const dir = path.join(work, "nginx");
  const root = path.join(dir, "www");
  const ports: number[] = [];
  let nginx: ChildProcess | null = null;
  let conf = "";

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    const selfsigned = (await import("selfsigned")) as unknown as {
      generate(a: { name: string; value: string }[], o: object): Promise<{ private: string; cert: string }>;
    };
    const pems = await selfsigned.generate([{ name: "commonName", value: "kaohe.example.gov.cn" }], {
      keySize: 2048,
      algorithm: "sha256",
    });
    const cert = path.join(dir, "test.crt");
    const key = path.join(dir, "test.key");
    writeFileSync(cert, pems.cert);
    writeFileSync(key, pems.private);
    const servers: string[] = [];
    for (let i = 0; i < BASES.length; i++) {
      ports.push(await freePort());
      const sample = readFileSync(path.join(kitOf(i), "nginx", "kaohe.conf"), "utf8");
      servers.push(embed(sample, ports[i], cert, key, root));
      // Where the sample says to copy web/: the decoded path under its root.
      const folder = path.join(root, ...decodeURIComponent(new URL(BASES[i]).pathname).split("/"));
      mkdirSync(folder, { recursive: true });
      cpSync(path.join(kitOf(i), "web"), folder, { recursive: true });
    }
    const mime = existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((t) => `    ${t}_temp_path ${path.join(dir, t)};`)
      .join("\n");
    conf = path.join(dir, "nginx.conf");
    writeFileSync(
      conf,
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${path.join(dir, "nginx.pid")};`,
        `error_log ${path.join(dir, "error.log")};`,
        "events { worker_connections 64; }",
        "http {",
        `    ${mime}`,
        "    default_type application/octet-stream;",
        `    access_log ${path.join(dir, "access.log")};`,
        temp,
        ...servers,
        "}",
        "",
      ].join("\n"),
    );
  }, 60000);

  afterAll(async () => {
    if (!nginx || nginx.exitCode !== null) return;
    const exited = new Promise((r) => nginx!.once("exit", r));
    nginx.kill("SIGTERM");
    await exited;
  });

  it("passes nginx -t", () => {
    const r = spawnSync(NGINX!, ["-t", "-c", conf], { encoding: "utf8" });
    expect(r.stderr).toContain("syntax is ok");
    expect(r.status).toBe(0);
  });

  it("serves every file of each kit with status 200, its type and the intended Cache-Control", async () => {
    nginx = spawn(NGINX!, ["-c", conf], { stdio: "ignore" });
    // Ready when the first port answers.
    for (let tries = 0; ; tries++) {
      try {
        await get(ports[0], "/");
        break;
      } catch (e) {
        if (tries > 100) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    for (let i = 0; i < BASES.length; i++) {
      const web = path.join(kitOf(i), "web");
      const files = filesUnder(web);
      expect(files).toContain("taskpane.html");
      expect(files.some((f) => f.startsWith("office-js/"))).toBe(true);
      expect(files).toEqual(
        expect.arrayContaining(["app/index.html", "kaohe.html", "wps/ribbon.xml", "wps/jsplugins.xml"]),
      );
      for (const rel of files) {
        // What Office requests: the manifest's (percent-encoded) base and the file's name.
        const at = new URL(rel, BASES[i]).pathname;
        const a = await get(ports[i], at);
        const seen = { url: `${BASES[i]}${rel}`, status: a.status, cache: a.headers["cache-control"] };
        expect(seen).toEqual({ url: `${BASES[i]}${rel}`, status: 200, cache: intendedCache(rel) });
        expect(a.headers["x-content-type-options"]).toBe("nosniff");
        expect(a.body.equals(readFileSync(path.join(web, rel)))).toBe(true);
        const type = String(a.headers["content-type"]);
        if (rel.endsWith(".json")) expect(type).toMatch(/^application\/json/);
        if (rel.endsWith(".js")) expect(type).toMatch(/javascript/);
        if (rel.endsWith(".html")) expect(type).toMatch(/^text\/html/);
        if (rel.endsWith(".png")) expect(type).toBe("image/png");
      }
    }
  }, 120000);
});

describe("the IIS sample", () => {
  function parse(xml: string): Document {
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
    expect(errors).toEqual([]);
    return doc;
  }

  it("is well-formed and maps a MIME type for every kind of file in the kit, each removed first", () => {
    for (let i = 0; i < BASES.length; i++) {
      const doc = parse(readFileSync(path.join(kitOf(i), "iis", "web.config"), "utf8"));
      const content = doc.getElementsByTagName("staticContent")[0];
      const mapped = new Map<string, string>();
      const removed = new Set<string>();
      for (let c = content.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        const ext = el.getAttribute("fileExtension") ?? "";
        // IIS answers 500 when a mimeMap repeats an extension the server already maps: remove it first.
        if (el.tagName === "remove") removed.add(ext);
        if (el.tagName === "mimeMap") {
          expect([ext, removed.has(ext)]).toEqual([ext, true]);
          mapped.set(ext, el.getAttribute("mimeType") ?? "");
        }
      }
      const kinds = new Set(filesUnder(path.join(kitOf(i), "web")).map((f) => path.posix.extname(f)));
      expect(kinds.size).toBeGreaterThan(3);
      for (const ext of kinds)
        expect([ext, mapped.get(ext)]).toEqual([ext, expect.stringMatching(/^[a-z]+\/[\w.+-]+/)]);
      expect(mapped.get(".json")).toBe("application/json");
      expect(mapped.get(".js")).toMatch(/^text\/javascript/);
    }
  });
});
