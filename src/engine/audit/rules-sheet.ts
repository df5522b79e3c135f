/**
 * The 规则 sheet: the ruleset a template carries, written for people (every parameter with its figure
 * and source) and read back exactly, so that its fingerprint can be recomputed from what the sheet now
 * says (A01) and compared with the ruleset the checker uses (A02).
 */
import { a1 } from "../model/a1";
import type { CarriedRuleset, SheetInput } from "../model/types";

export type { CarriedRuleset } from "../model/types";
import { cellText, isBlank } from "../text";
import { parseDate } from "../values";
import { DEFAULT_RULESET_ID } from "../ruleset/builtin";
import { fingerprintOf, findBuiltin, paramNote, resolveRuleset, type ResolvedRuleset } from "../ruleset/resolve";
import type { RuleSetting, RulesetParams } from "../ruleset/types";
import type { ScaleId } from "../grades";
import { RULE_META } from "../rules/meta";

export const RULES_SHEET = "规则";

const LABEL = {
  id: "规则集",
  title: "名称",
  source: "依据",
  scale: "等次体系",
  year: "考核年度",
  fingerprint: "指纹",
  announced: "公布日期",
};

/**
 * The 公布日期 cell (B8): the one cell of the sheet left unlocked, filled by whoever announces the
 * results; not part of the fingerprint, so setting it is no change of the rules. Result-use measures
 * run from it (R, H).
 */
export const ANNOUNCED_CELL = "B8";
const PARAM_HEAD = ["参数", "取值", "依据"];
const RULE_HEAD = ["规则", "设置", "级别", "标题", "依据"];

type Leaf = string | number | boolean | null;

/** Every parameter as path → cell value; lists of records and of text stay whole (as JSON). */
export function paramLeaves(params: RulesetParams): [string, Leaf][] {
  const out: [string, Leaf][] = [];
  const walk = (path: string, v: unknown) => {
    if (v === null || typeof v !== "object") return void out.push([path, v as Leaf]);
    const whole = Array.isArray(v)
      ? v.some((x) => typeof x !== "number") || v.length === 0
      : Object.keys(v).length === 0;
    if (whole) return void out.push([path, JSON.stringify(v)]);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(path ? `${path}.${k}` : k, x);
  };
  walk("", params);
  return out;
}

function decode(v: unknown): unknown {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" && /^[[{]/.test(v.trim())) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let at: Record<string, unknown> = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      at[k] = value;
      return;
    }
    if (typeof at[k] !== "object" || at[k] === null) at[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    at = at[k] as Record<string, unknown>;
  });
}

/** The sheet's rows, from A1. */
export function rulesSheetRows(rs: ResolvedRuleset, year: number | null): unknown[][] {
  return [
    ["考核规则（本表受保护：规则由上级组织部门确定，请勿修改）"],
    [LABEL.id, rs.id],
    [LABEL.title, rs.title.zh],
    [LABEL.source, rs.source],
    [LABEL.scale, rs.scale],
    [LABEL.year, year ?? ""],
    [LABEL.fingerprint, rs.fingerprint],
    [LABEL.announced, ""],
    [],
    PARAM_HEAD,
    ...paramLeaves(rs.params).map(([path, v]) => [path, v, paramNote(rs, path).source]),
    [],
    RULE_HEAD,
    ...Object.entries(rs.rules).map(([id, setting]) => {
      const meta = RULE_META.get(id);
      return [
        id,
        JSON.stringify(setting),
        setting.severity ?? meta?.severity ?? "",
        meta?.title.zh ?? "",
        setting.source ?? meta?.source ?? "",
      ];
    }),
  ];
}

const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function changeText(c: Omit<CarriedRuleset, "changeText" | "otherText">): { zh: string; en: string } {
  const fp = `（表中指纹 ${c.stated.slice(0, 12)}…，按表中参数应为 ${c.computed.slice(0, 12)}…）`;
  const fpEn = ` (stated fingerprint ${c.stated.slice(0, 12)}…, its figures give ${c.computed.slice(0, 12)}…)`;
  if (!c.changed.length) {
    return {
      zh: `规则表已被改动：参数或规则设置与指纹不一致${fp}`,
      en: `The 规则 sheet was changed: its figures do not give the stated fingerprint${fpEn}`,
    };
  }
  return {
    zh: `规则表已被改动：${c.changed.map((x) => `${x.path} 表中为 ${shown(x.found)}（${x.cell}），${c.id} 规定为 ${shown(x.builtin)}`).join("；")}${fp}`,
    en: `The 规则 sheet was changed: ${c.changed.map((x) => `${x.path} reads ${shown(x.found)} (${x.cell}), ${c.id} says ${shown(x.builtin)}`).join("; ")}${fpEn}`,
  };
}

/** Reads a 规则 sheet back; null when the sheet is not one (no 规则集 / 指纹 labels). */
export function readRulesSheet(sheet: SheetInput): CarriedRuleset | null {
  const rows = sheet.values;
  const find = (label: string) => rows.findIndex((r) => cellText(r?.[0]).trim() === label);
  const idRow = find(LABEL.id);
  const fpRow = find(LABEL.fingerprint);
  if (idRow < 0 || fpRow < 0) return null;
  const id = cellText(rows[idRow][1]).trim();
  const base = (() => {
    try {
      return findBuiltin(id.split("+")[0]) ? resolveRuleset(id) : null;
    } catch {
      return null;
    }
  })();
  const params: Record<string, unknown> = {};
  const paramCells = new Map<string, string>();
  const rules: Record<string, RuleSetting> = {};
  let section: "" | "params" | "rules" = "";
  rows.forEach((row, r) => {
    const a = cellText(row?.[0]).trim();
    const b = cellText(row?.[1]).trim();
    if (a === PARAM_HEAD[0] && b === PARAM_HEAD[1]) return void (section = "params");
    if (a === RULE_HEAD[0] && b === RULE_HEAD[1]) return void (section = "rules");
    if (!a) return void (section = "");
    if (section === "params") {
      setPath(params, a, decode(row[1]));
      paramCells.set(a, a1(r, 1));
    } else if (section === "rules") {
      const setting = decode(row[1]);
      rules[a] = typeof setting === "object" && setting !== null ? (setting as RuleSetting) : {};
    }
  });
  const scaleText = cellText(rows[find(LABEL.scale)]?.[1]).trim();
  const scale = (
    ["team", "cadre", "institution", "political"].includes(scaleText) ? scaleText : (base?.scale ?? "cadre")
  ) as ScaleId;
  const yearText = Number(cellText(rows[find(LABEL.year)]?.[1]));
  const computed = fingerprintOf({ id, scale, rules, params: params as unknown as RulesetParams });
  const builtinLeaves = new Map(base ? paramLeaves(base.params) : []);
  const changed = base
    ? paramLeaves(params as unknown as RulesetParams).flatMap(([path, found]) => {
        const builtin = builtinLeaves.get(path);
        return JSON.stringify(builtin) === JSON.stringify(found)
          ? []
          : [{ path, found, builtin, cell: paramCells.get(path) ?? "" }];
      })
    : [];
  const read = {
    id,
    title: cellText(rows[find(LABEL.title)]?.[1]),
    scale,
    year: Number.isInteger(yearText) && yearText > 1900 ? yearText : null,
    announced: (() => {
      const v = rows[find(LABEL.announced)]?.[1];
      const d = isBlank(v) ? null : parseDate(v);
      return d?.ok ? d.value : null;
    })(),
    stated: cellText(rows[fpRow][1]).trim(),
    computed,
    params: params as unknown as RulesetParams,
    rules,
    at: { sheet: sheet.name, r: fpRow, c: 1 },
    changed,
  };
  const short = (fp: string) => `${fp.slice(0, 12)}…`;
  return {
    ...read,
    changeText: changeText(read),
    otherText: (used) => ({
      zh: `工作簿的规则表为 ${id}（${short(read.stated)}），本次校验使用 ${used.id}（${short(used.fingerprint)}）`,
      en: `The workbook carries ${id} (${short(read.stated)}); checked against ${used.id} (${short(used.fingerprint)})`,
    }),
  };
}

/** Read once per sheet: choosing the ruleset and building the model both ask. */
const readOnce = new WeakMap<SheetInput, CarriedRuleset | null>();

/** The workbook's 规则 sheet, if it has one. */
export function carriedIn(sheets: SheetInput[]): CarriedRuleset | null {
  const s = sheets.find((x) => x.name.trim() === RULES_SHEET);
  if (!s) return null;
  if (!readOnce.has(s)) readOnce.set(s, readRulesSheet(s));
  return readOnce.get(s)!;
}

/**
 * The ruleset a workbook carries, to check it with when the user names none: the built-in one when
 * the sheet is intact and names it, else the sheet's own figures when intact; null when the sheet was
 * changed (A01 reports it, and the caller's default applies).
 */
export function carriedRuleset(c: CarriedRuleset | null): ResolvedRuleset | null {
  if (!c || c.computed !== c.stated) return null;
  try {
    const builtin = resolveRuleset(c.id);
    if (builtin.fingerprint === c.stated) return builtin;
  } catch {
    // not a built-in id: a locality's own ruleset, rebuilt from the sheet below
  }
  const fallback = resolveRuleset(DEFAULT_RULESET_ID);
  return {
    ...fallback,
    id: c.id,
    title: { zh: c.title || c.id, en: c.title || c.id },
    source: `${RULES_SHEET} sheet`,
    scale: c.scale,
    rules: c.rules,
    params: c.params,
    paramNotes: {},
    fingerprint: c.computed,
    parts: [c.id],
  };
}

/** The ruleset to check a workbook with: the one the user named, else the one it carries, else the default. */
export function rulesetForWorkbook(sheets: SheetInput[], chosen: ResolvedRuleset, named: boolean): ResolvedRuleset {
  return named ? chosen : (carriedRuleset(carriedIn(sheets)) ?? chosen);
}
