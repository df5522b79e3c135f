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
import { teamScaleOf, type RuleSetting, type RulesetParams, type SanctionLimit } from "../ruleset/types";
import { paramLabel } from "../ruleset/param-labels";
import { SCALES } from "../grades";
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
  formulas: "模板公式",
  teamScale: "班子等次",
};

/**
 * The 公布日期 cell (B8): the one cell of the sheet left unlocked, filled by whoever announces the
 * results; not part of the fingerprint, so setting it is no change of the rules. Result-use measures
 * run from it (R, H).
 */
export const ANNOUNCED_CELL = "B8";
/** Parameters: the Chinese name, the figure, its source, and the machine key (a narrow grey column). */
const PARAM_HEAD = ["参数", "取值", "依据", "键"];
const RULE_HEAD = ["规则", "设置", "级别", "标题", "依据"];
/** The sanction table, for people and for the template's 提示 formula (derived from `sanctions`). */
export const SANCTION_HEAD = ["处分或处理", "当年", "次年", "第三年", "也写作"];
export const LIMIT_TEXT: Record<SanctionLimit, string> = {
  "not-excellent": "不得评为优秀",
  ungraded: "只能不定等次",
  incompetent: "应确定为不称职",
};

/** Which formulas a template computes with: plain worksheet functions, or the KH custom functions. */
export type FormulaVariant = "native" | "kh";
const VARIANT_TEXT: Record<FormulaVariant, string> = {
  native: "通用公式：Excel 2010 及以上、WPS 表格、LibreOffice 均可计算，不需安装加载项",
  kh: "KH 自定义函数：需要 Excel 2021 / Microsoft 365 并安装考核规则加载项",
};

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

export interface RulesSheetLayout {
  /** The sheet's rows, from A1. */
  rows: unknown[][];
  /** Number formats of value cells (A1 → format): shares shown as 30%. */
  formats: Record<string, string>;
  /** Where a parameter's figure is (e.g. teamShares.0 → "B13"), for the template's formulas. */
  cellOf(path: string): string;
  /** The sanction table's names and this-year limits, as absolute ranges on the sheet. */
  sanctionNames: string;
  sanctionLimits: string;
}

function scaleText(id: string): string {
  const s = SCALES[id as keyof typeof SCALES];
  return s ? `${s.title.zh}：${s.labels.join("、")}` : id;
}

export function rulesSheet(
  rs: ResolvedRuleset,
  year: number | null,
  variant: FormulaVariant = "native",
): RulesSheetLayout {
  const rows: unknown[][] = [
    ["考核规则（本表受保护：规则由上级组织部门确定，请勿修改）"],
    [LABEL.id, rs.id],
    [LABEL.title, rs.title.zh],
    [LABEL.source, rs.source],
    [LABEL.scale, scaleText(rs.scale), "", rs.scale],
    [LABEL.year, year ?? ""],
    [LABEL.fingerprint, rs.fingerprint],
    [LABEL.announced, ""],
    [LABEL.formulas, VARIANT_TEXT[variant], "", variant],
    [LABEL.teamScale, scaleText(teamScaleOf(rs)), "", teamScaleOf(rs)],
    [],
    PARAM_HEAD,
  ];
  const formats: Record<string, string> = {};
  const cells = new Map<string, string>();
  for (const [path, v] of paramLeaves(rs.params)) {
    const label = paramLabel(path);
    const at = a1(rows.length, 1);
    cells.set(path, "$B$" + (rows.length + 1));
    if (label.percent && typeof v === "number") formats[at] = Number.isInteger(v) ? '0"%"' : '0.0#"%"';
    rows.push([label.zh, v, paramNote(rs, path).source, path]);
  }
  rows.push([], SANCTION_HEAD);
  const firstSanction = rows.length + 1;
  for (const s of rs.params.sanctions)
    rows.push([s.name, ...[0, 1, 2].map((k) => (s.limits[k] ? LIMIT_TEXT[s.limits[k]] : "")), s.aliases.join("、")]);
  const lastSanction = Math.max(firstSanction, rows.length);
  rows.push([], RULE_HEAD);
  for (const [id, setting] of Object.entries(rs.rules)) {
    const meta = RULE_META.get(id);
    rows.push([
      id,
      JSON.stringify(setting),
      setting.severity ?? meta?.severity ?? "",
      meta?.title.zh ?? "",
      setting.source ?? meta?.source ?? "",
    ]);
  }
  return {
    rows,
    formats,
    cellOf: (path) => {
      const at = cells.get(path);
      if (!at) throw new Error(`no parameter ${path} on the 规则 sheet`);
      return at;
    },
    sanctionNames: `$A$${firstSanction}:$A$${lastSanction}`,
    sanctionLimits: `$B$${firstSanction}:$B$${lastSanction}`,
  };
}

/** The sheet's rows, from A1. */
export function rulesSheetRows(
  rs: ResolvedRuleset,
  year: number | null,
  variant: FormulaVariant = "native",
): unknown[][] {
  return rulesSheet(rs, year, variant).rows;
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
  // Sheets written before the readable layout keep the key in column A; now it is column D (键).
  let keyCol = 0;
  rows.forEach((row, r) => {
    const a = cellText(row?.[0]).trim();
    const b = cellText(row?.[1]).trim();
    if (a === PARAM_HEAD[0] && b === PARAM_HEAD[1]) {
      keyCol = cellText(row?.[3]).trim() === PARAM_HEAD[3] ? 3 : 0;
      return void (section = "params");
    }
    if (a === RULE_HEAD[0] && b === RULE_HEAD[1]) return void (section = "rules");
    if (!a) return void (section = "");
    if (section === "params") {
      const key = cellText(row?.[keyCol]).trim();
      if (!key) return;
      setPath(params, key, decode(row[1]));
      paramCells.set(key, a1(r, 1));
    } else if (section === "rules") {
      const setting = decode(row[1]);
      rules[a] = typeof setting === "object" && setting !== null ? (setting as RuleSetting) : {};
    }
  });
  const scaleRow = rows[find(LABEL.scale)];
  const scaleIds = ["team", "cadre", "institution", "political"];
  const scaleKey = [cellText(scaleRow?.[3]).trim(), cellText(scaleRow?.[1]).trim()].find((t) => scaleIds.includes(t));
  const scale = (scaleKey ?? base?.scale ?? "cadre") as ScaleId;
  const variantKey = cellText(rows[find(LABEL.formulas)]?.[3]).trim();
  const teamScaleKey = cellText(rows[find(LABEL.teamScale)]?.[3]).trim();
  const teamScale: "team" | "termClass" = teamScaleKey === "termClass" ? "termClass" : "team";
  const yearText = Number(cellText(rows[find(LABEL.year)]?.[1]));
  const computed = fingerprintOf({ id, scale, teamScale, rules, params: params as unknown as RulesetParams });
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
    formulas: variantKey === "native" || variantKey === "kh" ? (variantKey as FormulaVariant) : null,
    teamScale,
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
    teamScale: c.teamScale,
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
