/** The manifest checked offline: parses, every resid is defined, the shared runtime is consistent. */
import { readFileSync, existsSync } from "fs";
import * as path from "path";
import { first, readManifest } from "./helpers/manifest";

const root = path.join(__dirname, "..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const { doc, resids, used } = readManifest(xml);

describe("manifest.xml", () => {
  it("is an Excel (Workbook) task-pane add-in asking only for ReadWriteDocument", () => {
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(first(doc, "Host").getAttribute("Name")).toBe("Workbook");
    expect(first(doc, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(first(doc, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("defines every resid it uses, and uses every one it defines", () => {
    for (const r of used) expect(resids.has(r)).toBe(true);
    for (const r of resids.keys()) expect(used).toContain(r);
  });

  it("runs the task pane and the functions in one shared runtime", () => {
    const sets = doc.getElementsByTagName("Set");
    expect(Array.from({ length: sets.length }, (_, i) => sets[i].getAttribute("Name"))).toContain("SharedRuntime");
    const runtime = first(doc, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = first(doc, "SourceLocation", first(doc, "Page"));
    expect(page.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    expect(first(doc, "FunctionFile").getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    const action = first(doc, "Action");
    expect(first(doc, "SourceLocation", action).getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    expect(resids.get(runtime.getAttribute("resid")!)).toMatch(/\/taskpane\.html$/);
  });

  it("declares the KH namespace, the functions script and their metadata", () => {
    expect(resids.get(first(doc, "Namespace").getAttribute("resid")!)).toBe("KH");
    expect(resids.get(first(doc, "SourceLocation", first(doc, "Script")).getAttribute("resid")!)).toMatch(
      /\/functions\.js$/,
    );
    expect(resids.get(first(doc, "SourceLocation", first(doc, "Metadata")).getAttribute("resid")!)).toMatch(
      /\/functions\.json$/,
    );
  });

  it("points every URL at one https origin listed in AppDomains, and its icons exist", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    expect(first(doc, "AppDomain").textContent).toBe("https://localhost:3000");
    for (const u of urls.filter((x) => x.endsWith(".png")))
      expect(existsSync(path.join(root, new URL(u).pathname))).toBe(true);
    for (const size of [16, 32, 64, 80]) expect(existsSync(path.join(root, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("speaks Chinese by default with English overrides", () => {
    expect(first(doc, "DefaultLocale").textContent).toBe("zh-CN");
    expect(first(doc, "DisplayName").getAttribute("DefaultValue")).toBe("考核规则");
    const overrides = [
      ...Array.from(doc.getElementsByTagName("Override") as unknown as Element[]),
      ...Array.from(doc.getElementsByTagName("bt:Override") as unknown as Element[]),
    ];
    for (const o of overrides) expect(o.getAttribute("Locale")).toBe("en-US");
    // Every display string has its English form; the namespace KH is the same in both.
    const strings = Array.from(doc.getElementsByTagName("bt:String") as unknown as Element[]).filter(
      (e) => e.getAttribute("id") !== "Functions.Namespace",
    );
    for (const s of strings) expect(s.getElementsByTagName("bt:Override").length).toBe(1);
    expect(overrides.length).toBe(2 + strings.length);
  });
});

describe("the production manifest (KAOHE_URL)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rewriteManifest } = require("../scripts/manifest-url") as {
    rewriteManifest: (xml: string, url: string) => string;
  };
  const urlsOf = (text: string) => [...text.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);

  it.each([
    "https://kaohe.example.gov.cn/",
    "https://kaohe.example.gov.cn",
    "https://oa.example.gov.cn/kaohe/",
    "https://oa.example.gov.cn/kaohe",
  ])("puts every URL under %s, AppDomain its origin, SupportUrl following", (url) => {
    const out = rewriteManifest(xml, url);
    const base = url.endsWith("/") ? url : url + "/";
    expect(out.replace(/<!--[\s\S]*?-->/g, "").includes("localhost")).toBe(false);
    for (const u of urlsOf(out)) expect(u.startsWith(base)).toBe(true);
    expect(urlsOf(out)).toContain(`${base}taskpane.html`);
    expect(first(readManifest(out).doc, "AppDomain").textContent).toBe(new URL(url).origin);
    expect(first(readManifest(out).doc, "SupportUrl").getAttribute("DefaultValue")).toBe(`${base}taskpane.html`);
  });

  it("gives the same manifest with or without the trailing slash, and refuses a base that is not https", () => {
    expect(rewriteManifest(xml, "https://kaohe.example.gov.cn")).toBe(
      rewriteManifest(xml, "https://kaohe.example.gov.cn/"),
    );
    expect(() => rewriteManifest(xml, "http://kaohe.example.gov.cn/")).toThrow(/https/);
    expect(() => rewriteManifest(xml, "kaohe")).toThrow(/不是网址/);
  });
});
