/**
 * The kit's browser app and WPS add-in (issues 19 and 20): web/app/ and web/kaohe.html beside the pane;
 * with --wps, the add-in folder, publish.xml, jsplugins.xml, the oem.ini lines and install scripts —
 * every XML well-formed, every URL under --url, install.sh tried with a temporary HOME.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { filesUnder, pack, ROOT, workWithBuild } from "./helpers/kit";

const BASE = "https://kaohe.example.gov.cn/kaohe/";
const VERSION = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
const FOLDER = `kaohe_${VERSION}`;
let work: string;
let kit: string;

beforeAll(() => {
  const w = workWithBuild("kaohe-kit-wps-");
  work = w.work;
  kit = path.join(work, "deploy");
  const r = pack("--url", BASE, "--wps", "--out", kit, "--build-dir", w.build);
  if (r.status !== 0) throw new Error(r.stderr);
});

function xml(file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => void (level !== "warning" && errors.push(msg)),
  }).parseFromString(readFileSync(file, "utf8"), "text/xml") as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

describe("the browser app in the kit", () => {
  it("ships web/app/ with every file its page names, and the single file", () => {
    const app = path.join(kit, "web", "app");
    const page = readFileSync(path.join(app, "index.html"), "utf8");
    const refs = [...page.matchAll(/\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) expect(existsSync(path.join(app, ref))).toBe(true);
    // Besides the page, every name is content-hashed (or a bundle's licence named by its comment).
    for (const f of filesUnder(app))
      expect(f === "index.html" || /\.[0-9a-f]{8}\.[a-z0-9]+$/.test(f) || f.endsWith(".LICENSE.txt")).toBe(true);
    // Buffer.equals: jest's toEqual walks 1.6 MB byte by byte (28 s).
    expect(
      readFileSync(path.join(kit, "web", "kaohe.html")).equals(readFileSync(path.join(ROOT, "dist", "kaohe.html"))),
    ).toBe(true);
  });
});

describe("npm run package -- --wps", () => {
  it("writes the add-in folder, served too, with ribbon.xml, the entry page and the pane", () => {
    const folder = path.join(kit, "wps", FOLDER);
    const files = filesUnder(folder);
    expect(files).toEqual(expect.arrayContaining(["ribbon.xml", "index.html", "taskpane.html", "images/kaohe.png"]));
    expect(filesUnder(path.join(kit, "web", "wps"))).toEqual(expect.arrayContaining([...files, "jsplugins.xml"]));
    xml(path.join(folder, "ribbon.xml"));
  });

  it("names the server in jsplugins.xml and oem.ini, under --url, and the folder in publish.xml", () => {
    for (const f of [path.join(kit, "wps", "jsplugins.xml"), path.join(kit, "web", "wps", "jsplugins.xml")]) {
      const online = xml(f).getElementsByTagName("jspluginonline")[0];
      expect(online.getAttribute("name")).toBe("kaohe");
      expect(online.getAttribute("type")).toBe("et");
      expect(online.getAttribute("url")).toBe(`${BASE}wps/`);
    }
    const entry = xml(path.join(kit, "wps", "publish.xml")).getElementsByTagName("jsplugin")[0];
    expect([entry.getAttribute("name"), entry.getAttribute("url"), entry.getAttribute("version")]).toEqual([
      "kaohe",
      FOLDER,
      VERSION,
    ]);
    const oem = readFileSync(path.join(kit, "wps", "oem.ini.txt"), "utf8");
    expect(oem).toContain("[Support]\r\nJsApiPlugin=true");
    expect(oem).toContain(`JSPluginsServer=${BASE}wps/jsplugins.xml`);
  });

  it("escapes the URL for XML in jsplugins.xml", () => {
    const w = workWithBuild("kaohe-kit-wps-amp-");
    const out = path.join(w.work, "deploy");
    expect(pack("--url", "https://k.example.cn/a&b/", "--wps", "--out", out, "--build-dir", w.build).status).toBe(0);
    const online = xml(path.join(out, "wps", "jsplugins.xml")).getElementsByTagName("jspluginonline")[0];
    expect(online.getAttribute("url")).toBe("https://k.example.cn/a&b/wps/");
  });

  it("install.sh puts the folder in the user's jsaddons and registers it, keeping other add-ins, once", () => {
    const home = mkdtempSync(path.join(tmpdir(), "kaohe-home-"));
    const addins = path.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons");
    mkdirSync(path.join(addins, "kaohe_0.0.1"), { recursive: true });
    writeFileSync(
      path.join(addins, "publish.xml"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins><jsplugin name="other" type="wps" url="other_1.0" version="1.0" enable="enable_dev" install="null"/>' +
        '<jsplugin name="kaohe" type="et" url="kaohe_0.0.1" version="0.0.1" enable="enable_dev" install="null"/></jsplugins>\n',
    );
    for (let i = 0; i < 2; i++) {
      const r = spawnSync("sh", [path.join(kit, "wps", "install.sh")], {
        env: { ...process.env, HOME: home },
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    }
    expect(existsSync(path.join(addins, "kaohe_0.0.1"))).toBe(false);
    expect(filesUnder(path.join(addins, FOLDER))).toEqual(filesUnder(path.join(kit, "wps", FOLDER)));
    const entries = Array.from(xml(path.join(addins, "publish.xml")).getElementsByTagName("jsplugin"));
    expect(entries.map((e) => [e.getAttribute("name"), e.getAttribute("url")])).toEqual([
      ["other", "other_1.0"],
      ["kaohe", FOLDER],
    ]);
  });

  it("install.sh makes publish.xml where there was none", () => {
    const home = mkdtempSync(path.join(tmpdir(), "kaohe-home-"));
    const r = spawnSync("sh", [path.join(kit, "wps", "install.sh")], {
      env: { ...process.env, HOME: home },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const publish = path.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons", "publish.xml");
    expect(xml(publish).getElementsByTagName("jsplugin")[0].getAttribute("url")).toBe(FOLDER);
  });

  it("install.ps1 (UTF-8 with BOM, run by install.bat) names the same folder and entry", () => {
    const ps1 = readFileSync(path.join(kit, "wps", "install.ps1"));
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = ps1.toString("utf8");
    expect(text).toContain(`$folder = '${FOLDER}'`);
    expect(text).toContain(`url="${FOLDER}" version="${VERSION}"`);
    expect(readFileSync(path.join(kit, "wps", "install.bat"), "utf8")).toContain('-File "%~dp0install.ps1"');
  });
});
