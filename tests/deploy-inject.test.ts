/**
 * No injection through the kit (issue 22, item 2): --catalog is a UNC or drive path, checked by one
 * validator for npm run package and the CLI; each file the kit writes escapes for its own syntax anyway;
 * --url and --office-js take only what they name.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { catalogProblem } from "../src/deploy/catalog-path";
import { pack, workWithBuild } from "./helpers/kit";
import { runKaohe } from "./helpers/streams";

interface Samples {
  reg(catalog: string): Buffer;
  powershell(catalog: string): Buffer;
}
const samples = require("../scripts/deploy-samples") as Samples;
const kit = require("../scripts/deploy-kit") as { assemble(build: string, o: object): unknown };

const BASE = "https://kaohe.example.gov.cn/kaohe/";
const { work, build } = workWithBuild("kaohe-inject-");
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const outDir = () => path.join(work, `kit-${++n}`);
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Every quote a shell, PowerShell (‘ ’ ‚ ‛ end '…'; “ ” „ end "…"), .reg or XML could take as one. */
const QUOTES = ["'", '"', "`", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "＂", "＇", "「", "»"];
const CONTROLS = ["\n", "\r", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\uffff"];
const GOOD = [
  "\\\\fileserver\\kaohe",
  "\\\\fileserver\\考核加载项",
  "\\\\fs.example.gov.cn\\共享\\考核 加载项\\",
  "\\\\192.168.1.10\\share$\\清单",
  "D:\\kaohe\\清单",
  "x:\\",
];
const NOT_PATHS = [
  "",
  "fileserver\\kaohe",
  "\\\\fileserver",
  "\\\\fileserver\\",
  "\\\\fileserver\\\\kaohe",
  "C:kaohe",
  "/srv/kaohe",
  "\\\\fileserver/kaohe",
  "\\\\srv\\a|b",
  "\\\\srv\\a<b>",
  "\\\\srv\\a*",
  "\\\\.\\pipe\\x",
  "\\\\srv\\share\\..\\other",
  `\\\\srv\\${"长".repeat(300)}`,
];

describe("the --catalog validator (src/deploy/catalog-path.ts)", () => {
  it("accepts UNC and drive paths, Chinese, spaces and admin shares included", () => {
    for (const c of GOOD) expect(catalogProblem(c)).toBeNull();
  });

  it("refuses every quote and control character, naming it and its code point in one line", () => {
    for (const c of [...QUOTES, ...CONTROLS]) {
      const p = catalogProblem(`\\\\srv\\a${c}b`);
      expect(p).not.toBeNull();
      for (const text of [p!.zh, p!.en]) {
        expect(text).toContain(codePoint(c));
        expect(text).not.toMatch(/[\n\r\u2028\u2029]/);
      }
      if (QUOTES.includes(c)) expect(p!.zh).toContain(`「${c}」`);
    }
  });

  it("refuses what is not a UNC or drive path", () => {
    for (const c of NOT_PATHS)
      expect([c, catalogProblem(c)]).toEqual([c, expect.objectContaining({ zh: expect.any(String) })]);
  });
});

describe("npm run package -- --catalog", () => {
  it("refuses a catalog that could end a line or a string (.reg, .ps1), before writing anything", () => {
    const attacks = [
      '\\\\srv\\kaohe\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"="calc.exe',
      '\\\\srv\\kaohe"\r\n"Flags"=dword:00000000',
      "\\\\srv\\a’; Start-Process calc; ‘",
      ...QUOTES.map((q) => `\\\\srv\\a${q}b`),
    ];
    for (const catalog of attacks) {
      const out = outDir();
      const r = pack("--url", BASE, "--catalog", catalog, "--out", out, "--build-dir", build);
      expect([catalog, r.status]).toEqual([catalog, 2]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(catalogProblem(catalog)!.zh); // the one validator
      expect(existsSync(out)).toBe(false);
    }
  });

  it("refuses what is not a UNC or drive path", () => {
    const r = pack("--url", BASE, "--catalog", "fileserver\\kaohe", "--out", outDir(), "--build-dir", build);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(catalogProblem("fileserver\\kaohe")!.zh);
  });

  it("writes Chinese and spaces into the .reg (UTF-16 LE, BOM) and the .ps1 (UTF-8, BOM) intact", () => {
    const catalog = "\\\\fs.example.gov.cn\\共享\\考核 加载项";
    const out = outDir();
    expect(pack("--url", BASE, "--catalog", catalog, "--out", out, "--build-dir", build).status).toBe(0);
    const reg = readFileSync(path.join(out, "catalog", "register-catalog.reg"));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(regFacts(reg).url).toBe(catalog);
    const ps1 = readFileSync(path.join(out, "catalog", "register-catalog.ps1"));
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(psFacts(ps1).value).toBe(catalog);
  });

  it("assemble() checks the catalog too", () => {
    expect(() => kit.assemble(build, { url: BASE, catalog: "\\\\srv\\a’b", out: outDir() })).toThrow("U+2019");
  });
});

/** A .reg file read as regedit does, strictly: key headers, "name"="string" and "name"=dword: values. */
function regFacts(buf: Buffer): { keys: string[]; names: string[]; url: string; comments: string[] } {
  expect([...buf.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const lines = buf.subarray(2).toString("utf16le").split("\r\n");
  expect(lines[0]).toBe("Windows Registry Editor Version 5.00");
  const keys: string[] = [];
  const names: string[] = [];
  const comments: string[] = [];
  let url = "";
  const unescape = (s: string) => s.replace(/\\(.)/g, "$1");
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    if (line.startsWith(";")) {
      comments.push(line);
      continue;
    }
    const key = /^\[([^\]]*)\]$/.exec(line);
    if (key) {
      keys.push(key[1]);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:[0-9a-f]{8})$/.exec(line);
    if (!value) throw new Error(`not a .reg line: ${JSON.stringify(line)}`);
    names.push(unescape(value[1]));
    if (value[1] === "Url") url = unescape(value[2]);
  }
  return { keys, names, url, comments };
}

const SINGLE_QUOTES = "'‘’‚‛";
/**
 * The .ps1 read as PowerShell's tokenizer reads its one string literal: `param([string]$Catalog = '…')`,
 * where any of ' ‘ ’ ‚ ‛ ends the string unless doubled. Returns that string's value and the script
 * with the literal cut out (and the catalog's GUID blanked), to compare with another catalog's.
 */
function psFacts(buf: Buffer): { value: string; skeleton: string } {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = buf.subarray(3).toString("utf8");
  const open = "param([string]$Catalog = ";
  const at = text.indexOf(open);
  expect(at).toBeGreaterThan(-1);
  let i = at + open.length;
  expect(SINGLE_QUOTES).toContain(text[i]);
  i++;
  let value = "";
  for (;;) {
    if (i >= text.length) throw new Error("unterminated string");
    const c = text[i];
    if (SINGLE_QUOTES.includes(c)) {
      if (!SINGLE_QUOTES.includes(text[i + 1] ?? "x")) break;
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  const skeleton = (text.slice(0, at + open.length) + "<S>" + text.slice(i + 1)).replace(
    /\{[0-9A-F-]{36}\}/g,
    "<GUID>",
  );
  return { value, skeleton };
}

describe("the catalog scripts escape for their own syntax (whatever reaches them)", () => {
  const hostile = [
    "\\\\srv\\a’; Start-Process calc; ‘",
    "\\\\srv\\a'; Start-Process calc; '",
    "\\\\srv\\a‚‛‘’'b",
    '\\\\srv\\a"b\\"c',
    '\\\\srv\\a\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"="calc.exe',
    "\\\\srv\\a\n; comment\nStart-Process calc",
  ];
  const benignReg = regFacts(samples.reg("\\\\fileserver\\kaohe"));
  const benignPs = psFacts(samples.powershell("\\\\fileserver\\kaohe"));

  it(".reg: one key, the same values, the catalog only as the Url string (or refused)", () => {
    expect(benignReg.keys).toHaveLength(1);
    expect(benignReg.names).toEqual(["Id", "Url", "Flags"]);
    for (const catalog of hostile) {
      let reg: Buffer;
      try {
        reg = samples.reg(catalog);
      } catch {
        continue; // a line break cannot be written in a .reg string: refusing it is right
      }
      const facts = regFacts(reg);
      expect(facts.keys).toHaveLength(1);
      expect(facts.keys[0]).toMatch(
        /^HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\\{[0-9A-F-]{36}\}$/,
      );
      expect(facts.names).toEqual(["Id", "Url", "Flags"]);
      expect(facts.url).toBe(catalog);
      expect(facts.comments).toEqual(benignReg.comments);
    }
  });

  it(".reg refuses line breaks rather than writing them", () => {
    expect(() => samples.reg("\\\\srv\\a\r\n[HKEY_CURRENT_USER\\x]")).toThrow();
  });

  it(".ps1: the catalog only inside the one string literal; no statement added", () => {
    for (const catalog of hostile) {
      const facts = psFacts(samples.powershell(catalog));
      expect(facts.value).toBe(catalog);
      expect(facts.skeleton).toBe(benignPs.skeleton);
    }
  });
});

describe("kaohe template|merge --auto-open --catalog", () => {
  it("refuses with the same validator, before writing", async () => {
    const out = path.join(work, "t.xlsx");
    for (const [catalog, lang] of [
      ["\\\\srv\\a’b", "zh"],
      ["\\\\srv\\a\nb", "en"],
      ["fileserver\\kaohe", "zh"],
    ]) {
      const r = await runKaohe("template", "--out", out, "--auto-open", "--catalog", catalog, "--lang", lang);
      expect(r.code).toBe(2);
      const p = catalogProblem(catalog)!;
      expect(r.err).toContain(lang === "zh" ? p.zh : p.en);
      expect(existsSync(out)).toBe(false);
    }
    const m = await runKaohe(
      "merge",
      work,
      "--out",
      path.join(work, "m.xlsx"),
      "--auto-open",
      "--catalog",
      "\\\\srv\\a“b",
    );
    expect(m.code).toBe(2);
    expect(m.err).toContain("U+201C");
    expect(existsSync(path.join(work, "m.xlsx"))).toBe(false);
  });
});

/** The manifest parsed as XML: errors, comments, and every DefaultValue / AppDomain as the parser reads them. */
function manifestFacts(xml: string): { errors: string[]; comments: string[]; urls: string[] } {
  const errors: string[] = [];
  let doc: Document | null = null;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (e) {
    errors.push(String(e)); // xmldom throws on a fatal error, after reporting it
  }
  const comments: string[] = [];
  const urls: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 8) comments.push(node.nodeValue ?? "");
    if (node.nodeType === 1) {
      const el = node as Element;
      const v = el.getAttribute("DefaultValue");
      if (v?.startsWith("https://")) urls.push(v);
      if (el.tagName === "AppDomain") urls.push(el.textContent ?? "");
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  if (doc && !errors.length) walk(doc);
  return { errors, comments, urls };
}

describe("npm run package -- --url", () => {
  it("refuses a user name or password in the URL, without echoing the password", () => {
    const r = pack(
      "--url",
      "https://admin:s3cret@kaohe.example.gov.cn/kaohe/",
      "--out",
      outDir(),
      "--build-dir",
      build,
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain("s3cret");
  });

  it("refuses a host name that is not a DNS name or an IP address", () => {
    for (const url of ["https://x;}server{listen/", 'https://a"b/k/', "https://a$b/k/"]) {
      const r = pack("--url", url, "--out", outDir(), "--build-dir", build);
      expect([url, r.status]).toEqual([url, 2]);
    }
  });

  it("escapes & in the manifest and keeps the URL out of its comments (-- in a path or a punycode host)", () => {
    for (const url of [
      "https://kaohe.example.gov.cn/a&b/",
      "https://xn--fiqs8s.example.cn/k--v/",
      "https://kaohe.example.gov.cn/a'b<c>/",
    ]) {
      const out = outDir();
      const r = pack("--url", url, "--out", out, "--build-dir", build);
      expect([url, r.stderr, r.status]).toEqual([url, "", 0]);
      const base = new URL(url).href;
      const facts = manifestFacts(readFileSync(path.join(out, "manifest.xml"), "utf8"));
      expect(facts.errors).toEqual([]);
      expect(facts.urls.length).toBeGreaterThan(8);
      for (const u of facts.urls) expect(u === new URL(base).origin || u.startsWith(base)).toBe(true);
      expect(facts.urls).toContain(`${base}taskpane.html`);
      for (const c of facts.comments) expect(c).not.toContain(new URL(base).host);
    }
  });
});

describe("npm run package -- --office-js", () => {
  it("takes only the three choices, not what every object inherits", () => {
    for (const choice of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const out = outDir();
      const r = pack("--url", BASE, "--office-js", choice, "--out", out, "--build-dir", build);
      expect([choice, r.status]).toEqual([choice, 2]);
      expect(r.stderr).toContain("--office-js 只能是");
      expect(existsSync(out)).toBe(false);
      expect(() => kit.assemble(build, { url: BASE, officeJs: choice, out })).toThrow("--office-js");
    }
  });
});
