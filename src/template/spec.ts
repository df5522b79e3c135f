/**
 * The template a superior unit sends out, as data: a printable form (title, 填报单位 / 联系人 / 填报日期,
 * then the table), headers, widths, dropdowns with input messages, formula columns, highlights and the
 * protected 规则 sheet. Two writers read it — ExcelJS for `kaohe template`, Office.js for the pane.
 *
 * Two formula variants: `native` (the default) computes with worksheet functions that Excel 2010+,
 * WPS 表格 and LibreOffice share, in exact integer arithmetic, reading every figure from the 规则
 * sheet — it works where the add-in is not installed; `kh` uses the KH custom functions (the
 * organizing department's own copy, Excel 2021+ with the add-in).
 */
import { SCALES, UNGRADED_LABEL } from "../engine/grades";
import { columnLetter } from "../engine/model/a1";
import { findBuiltin, type ResolvedRuleset } from "../engine/ruleset/resolve";
import { teamScaleOf } from "../engine/ruleset/types";
import { RULES_SHEET, rulesSheet, LIMIT_TEXT, type FormulaVariant } from "../engine/audit/rules-sheet";
import { STATUS_OVER } from "../engine/audit/formulas";
import { RULE_META } from "../engine/rules/meta";
import { anyOf, HINT_RULES } from "./hint-rules";

export type { FormulaVariant } from "../engine/audit/rules-sheet";

export type InputKind =
  | "teamGrade"
  | "grade"
  | "political"
  | "yesno"
  | "sanction"
  | "category"
  | "unit"
  | "score"
  | "percent"
  | "date"
  | "count"
  | "text";
/** What a formula column computes: the audit recomputes it with the engine (A06). */
export type Computes = "participants" | "quota" | "excellentCount" | "status" | "check" | "hint";

export interface TemplateColumn {
  header: string;
  width: number;
  input?: InputKind;
  /** The formula of the data row on Excel row `row` (1-based), A1 style, with the leading "=". */
  formula?: (row: number) => string;
  computes?: Computes;
}

/** A cell to fill above the table: its label, and the input cell to its right. */
export interface FormField {
  label: string;
  /** 0-based column of the label; the input is the next column. */
  col: number;
  date?: boolean;
}

/** Native conditional formatting: `formula` is written for the range's first cell. */
export interface Highlight {
  range: string;
  formula: string;
  fill: string;
}

export interface TemplateSheet {
  name: string;
  title: string;
  form: FormField[];
  /** 1-based Excel row of the header; the data rows follow it. */
  headerRow: number;
  columns: TemplateColumn[];
  /** Data rows prepared below the header. */
  rows: number;
  highlights: Highlight[];
}

export interface Template {
  ruleset: ResolvedRuleset;
  year: number;
  formulas: FormulaVariant;
  teams: TemplateSheet;
  cadres: TemplateSheet;
  /** The 规则 sheet's rows, from A1, and the number formats of its value cells. */
  rules: unknown[][];
  rulesFormats: Record<string, string>;
  lists: Record<"teamGrade" | "grade" | "political" | "yesno" | "sanction" | "category", string[]>;
  /** The 单位 dropdown of 干部: the units listed on 班子. */
  unitList: string;
  /** The 填表说明 sheet, a line a row: how to fill, what computes here, what only the superior's check sees. */
  instructions: string[];
}

export const INSTRUCTIONS_SHEET = "填表说明";

export const TEAMS_SHEET = "班子";
export const CADRES_SHEET = "干部";
/** Title, form fields, header: data start on row 4. */
export const HEADER_ROW = 3;
/** The add-in's highlight colours (also used by the pane's marks). */
export const OVER_FILL = "#F4CCCC";
export const HINT_FILL = "#FFF4CE";

const CATEGORIES = ["市直部门", "区县", "乡镇", "街道", "事业单位", "国有企业"];

export interface TemplateOptions {
  year: number;
  teamRows?: number;
  cadreRows?: number;
  formulas?: FormulaVariant;
}

/** Appraisals run in January–February for the year just ended: before July, that is the default. */
export function defaultAppraisalYear(today: Date = new Date()): number {
  return today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear();
}

/** Column letter of a header, so formulas follow the layout instead of fixed letters. */
function letters(columns: TemplateColumn[]): (header: string) => string {
  return (header) => {
    const i = columns.findIndex((c) => c.header === header);
    if (i < 0) throw new Error(`template has no column ${header}`);
    return columnLetter(i);
  };
}

export function buildTemplate(rs: ResolvedRuleset, opts: TemplateOptions): Template {
  const year = opts.year;
  const variant = opts.formulas ?? "native";
  const sheet = rulesSheet(rs, year, variant);
  const R = (path: string) => `${RULES_SHEET}!${sheet.cellOf(path)}`;
  // KH functions know built-in ids only; a locality's own ruleset applies as the workbook's ruleset in force.
  const rsArg = findBuiltin(rs.id.split("+")[0]) ? `,${RULES_SHEET}!$B$2` : "";
  const q = rs.params.quota;
  const on = (id: string) => rs.rules[id] !== undefined;
  const unitQuota = on("Q01");
  const cadreScale = rs.scale === "institution" ? SCALES.institution : SCALES.cadre;
  const teamLabels = SCALES[teamScaleOf(rs)].labels;
  const hintRules = HINT_RULES.filter((h) => on(h.id));
  const checkColumn: TemplateColumn =
    variant === "kh"
      ? { header: "校验", width: 40, computes: "check" }
      : { header: "提示", width: 44, computes: "hint" };
  const cadres: TemplateColumn[] = [
    { header: "序号", width: 6, input: "count" },
    { header: "单位", width: 18, input: "unit" },
    { header: "姓名", width: 10, input: "text" },
    { header: "身份证号", width: 19, input: "text" },
    { header: "职务", width: 16, input: "text" },
    { header: "是否正职", width: 9, input: "yesno" },
    { header: "本年等次", width: 10, input: "grade" },
    { header: `${year - 1}年度等次`, width: 12, input: "grade" },
    { header: `${year - 2}年度等次`, width: 12, input: "grade" },
    { header: "平时考核得分", width: 12, input: "score" },
    { header: "政治素质", width: 9, input: "political" },
    { header: "处分或处理", width: 16, input: "sanction" },
    { header: "容错认定", width: 9, input: "yesno" },
    { header: "拟提拔", width: 8, input: "yesno" },
    { header: "任职时间", width: 12, input: "date" },
    { header: "任期届次", width: 9, input: "count" },
    { header: "备注", width: 14, input: "text" },
    ...(variant === "kh" || hintRules.length ? [checkColumn] : []),
  ];
  const teams: TemplateColumn[] = [
    { header: "序号", width: 6, input: "count" },
    { header: "单位", width: 20, input: "text" },
    { header: "单位类别", width: 12, input: "category" },
    { header: "本年班子等次", width: 12, input: "teamGrade" },
    { header: "上年班子等次", width: 12, input: "teamGrade" },
    { header: "指标失分率", width: 10, input: "percent" },
    { header: "参评人数", width: 9, computes: "participants" },
    // A unit's cap by its team grade is Q01's: a ruleset without it (civil servants' body-wide 20%,
    // institutions by performance) gets no per-unit 优秀上限 to mislead; the superior's check judges the shares.
    ...(unitQuota ? [{ header: "优秀上限", width: 9, computes: "quota" as const }] : []),
    { header: "已定优秀", width: 9, computes: "excellentCount" },
    ...(unitQuota ? [{ header: "状态", width: 14, computes: "status" as const }] : []),
  ];
  const c = letters(cadres);
  const t = letters(teams);
  const C = (h: string) => `${CADRES_SHEET}!$${c(h)}:$${c(h)}`;
  const unitIs = (r: number) => `${C("单位")},$${t("单位")}${r}`;
  const named = `${C("姓名")},"<>"`;
  const notPrincipal = q.principalCounts ? "" : `,${C("是否正职")},"<>是"`;
  const grade = (r: number) => `$${t("本年班子等次")}${r}`;
  const n = (r: number) => `$${t("参评人数")}${r}`;
  /** The share for the team grade, read from the 规则 sheet's teamShares cells. */
  const share = (r: number) =>
    `IF(${grade(r)}="${teamLabels[0]}",${R("teamShares.0")},IF(${grade(r)}="${teamLabels[1]}",${R("teamShares.1")},IF(${grade(r)}="${teamLabels[2]}",${R("teamShares.2")},${R("teamShares.3")})))`;
  /** The engine's computeQuota in whole basis points: INT is exact on integers, no 0.3 ever multiplied. */
  const bp = (r: number) => `MIN(10000,MAX(0,ROUND(${share(r)}*100,0)))`;
  const up = `IF(${R("quota.rounding")}="ceil",9999,IF(${R("quota.rounding")}="round-half-up",5000,0))`;
  const nativeQuota = (r: number) =>
    `=IF(OR($${t("单位")}${r}="",NOT(${anyOf(grade(r), teamLabels)})),"",IF(OR(${n(r)}=0,${bp(r)}=0),0,MIN(${n(r)},MAX(${R("quota.minimum")},INT((${n(r)}*${bp(r)}+${up})/10000)))))`;
  const teamFormulas: Record<Computes, (r: number) => string> = {
    participants: (r) => {
      let count = `COUNTIFS(${unitIs(r)},${named}${notPrincipal})`;
      if (q.excludeUngraded)
        count += `-COUNTIFS(${unitIs(r)},${named}${notPrincipal},${C("本年等次")},"${UNGRADED_LABEL}")`;
      return `=IF($${t("单位")}${r}="","",${count})`;
    },
    quota:
      variant === "kh"
        ? (r) => `=IF(OR($${t("单位")}${r}="",${grade(r)}=""),"",KH.EXCELLENTQUOTA(${grade(r)},${n(r)}${rsArg}))`
        : nativeQuota,
    excellentCount: (r) =>
      `=IF($${t("单位")}${r}="","",COUNTIFS(${unitIs(r)},${named}${notPrincipal},${C("本年等次")},"优秀"))`,
    status: (r) =>
      `=IF(OR($${t("优秀上限")}${r}="",$${t("已定优秀")}${r}=""),"",IF($${t("已定优秀")}${r}>$${t("优秀上限")}${r},"${STATUS_OVER}",""))`,
    check: () => "",
    hint: () => "",
  };
  for (const col of teams) if (col.computes) col.formula = teamFormulas[col.computes];

  const gradeOffset =
    teams.findIndex((x) => x.header === "本年班子等次") - teams.findIndex((x) => x.header === "单位") + 1;
  // Exact-match lookups say 0 rather than FALSE: the same in Excel, WPS and LibreOffice, and to every parser.
  const teamGradeOf = (r: number) =>
    `IFERROR(VLOOKUP($${c("单位")}${r},${TEAMS_SHEET}!$${t("单位")}:$${t("本年班子等次")},${gradeOffset},0),"")`;
  const check = cadres.find((x) => x.computes);
  if (check?.computes === "check")
    check.formula = (r) =>
      `=IF($${c("姓名")}${r}="","",KH.CHECK(${teamGradeOf(r)},$${c("本年等次")}${r},$${c("是否正职")}${r},$${c("处分或处理")}${r},$${c("政治素质")}${r},$${c("平时考核得分")}${r}${rsArg}))`;
  if (check?.computes === "hint") {
    const cell = (h: string) => (r: number) => `$${c(h)}${r}`;
    const sanctionLimit = (r: number) =>
      `IFERROR(VLOOKUP(${cell("处分或处理")(r)},${RULES_SHEET}!${sheet.sanctionNames.split(":")[0]}:${sheet.sanctionLimits.split(":")[1]},2,0),"")`;
    const refs = {
      team: teamGradeOf,
      grade: cell("本年等次"),
      principal: (r: number) => `${cell("是否正职")(r)}="是"`,
      score: cell("平时考核得分"),
      political: cell("政治素质"),
      sanctionLimit,
      tolerated: (r: number) => (on("E08") ? `${cell("容错认定")(r)}="是"` : "1=0"),
      minScore: R("regularScoreMin"),
      limits: LIMIT_TEXT,
      labels: [...cadreScale.labels],
      teamLabels: [...teamLabels],
      ungraded: UNGRADED_LABEL,
    };
    check.formula = (r) => {
      const parts = hintRules.map((h) => `IF(${h.when(refs, r)},"；${h.id} ${RULE_META.get(h.id)!.title.zh}","")`);
      return `=IF($${c("姓名")}${r}="","",MID(${parts.join("&")},2,999))`;
    };
  }

  const teamRows = opts.teamRows ?? 60;
  const cadreRows = opts.cadreRows ?? 600;
  const first = HEADER_ROW + 1;
  const last = (rows: number) => HEADER_ROW + rows;
  const form: FormField[] = [
    { label: "填报单位：", col: 0 },
    { label: "联系人：", col: 0 },
    { label: "填报日期：", col: 0, date: true },
  ];
  /** The form sits in the columns no formula looks up (unit, name, grades are left blank on row 2). */
  const placeForm = (start: number): FormField[] => form.map((f, i) => ({ ...f, col: start + 2 * i }));
  const lastCadreCol = columnLetter(cadres.length - 1);
  const checkCol = check ? c(check.header) : null;
  return {
    ruleset: rs,
    year,
    formulas: variant,
    teams: {
      name: TEAMS_SHEET,
      title: `${year}年度领导班子年度考核等次汇总表`,
      form: placeForm(teams.findIndex((x) => x.header === "上年班子等次")),
      headerRow: HEADER_ROW,
      columns: teams,
      rows: teamRows,
      highlights: unitQuota
        ? [
            {
              range: `${t("已定优秀")}${first}:${t("已定优秀")}${last(teamRows)}`,
              formula: `=AND(ISNUMBER($${t("已定优秀")}${first}),ISNUMBER($${t("优秀上限")}${first}),$${t("已定优秀")}${first}>$${t("优秀上限")}${first})`,
              fill: OVER_FILL,
            },
          ]
        : [],
    },
    cadres: {
      name: CADRES_SHEET,
      title: `${year}年度领导干部年度考核等次汇总表`,
      form: placeForm(cadres.findIndex((x) => x.header === `${year - 1}年度等次`)),
      headerRow: HEADER_ROW,
      columns: cadres,
      rows: cadreRows,
      highlights: checkCol
        ? [
            {
              range: `A${first}:${lastCadreCol}${last(cadreRows)}`,
              formula: `=LEN($${checkCol}${first})>0`,
              fill: HINT_FILL,
            },
          ]
        : [],
    },
    rules: sheet.rows,
    rulesFormats: sheet.formats,
    lists: {
      teamGrade: [...teamLabels],
      grade: [...cadreScale.labels, UNGRADED_LABEL],
      political: [...SCALES.political.labels],
      yesno: ["是", "否"],
      sanction: rs.params.sanctions.map((s) => s.name),
      category: CATEGORIES,
    },
    unitList: `=${TEAMS_SHEET}!$${t("单位")}$${first}:$${t("单位")}$${last(teamRows)}`,
    instructions: instructionsOf(
      rs,
      year,
      variant,
      hintRules.map((h) => h.id),
      teamRows,
      cadreRows,
    ),
  };
}

/** What the template checks as it is filled, what it leaves to the superior unit's check, where it runs. */
function instructionsOf(
  rs: ResolvedRuleset,
  year: number,
  variant: FormulaVariant,
  hinted: string[],
  teamRows: number,
  cadreRows: number,
): string[] {
  const title = (id: string) => `${id} ${RULE_META.get(id)?.title.zh ?? ""}`;
  const live = [...(rs.rules.Q01 ? ["Q01"] : []), ...hinted];
  const later = Object.keys(rs.rules).filter(
    (id) => RULE_META.has(id) && !live.includes(id) && !id.startsWith("A") && !["D01", "D06"].includes(id),
  );
  return [
    `${year} 年度考核填报模板 — 规则集：${rs.title.zh}（${rs.id}）`,
    "",
    "一、怎样填写",
    `1. 在「${TEAMS_SHEET}」表每个单位填一行，在「${CADRES_SHEET}」表每人填一行；等次、是否正职、处分、政治素质等列请从下拉列表选择。`,
    `2. 表头上方填写填报单位、联系人和填报日期。预置了 ${teamRows} 个单位、${cadreRows} 人的行；人数更多时在下面继续填写，照样计算和校验。`,
    "3. 灰色的列是公式，自动计算，不需填写，也请勿改动；「规则」表由上级确定，请勿修改。各表受保护但未设密码，如确需撤销保护，交回后改动会被查出。",
    "",
    "二、填写时当场可见",
    rs.rules.Q01
      ? `- 「${TEAMS_SHEET}」表：参评人数、优秀上限（按「规则」表的比例和取整方式计算）、已定优秀、状态；已定优秀超过优秀上限的标红。`
      : `- 「${TEAMS_SHEET}」表：参评人数、已定优秀。本规则集没有按班子等次确定的单位优秀上限，优秀比例（${["Q02", "Q03", "Q05"].filter((id) => rs.rules[id]).join("、") || "全体"}）由上级汇总后校验。`,
    ...(hinted.length
      ? [
          `- 「${CADRES_SHEET}」表的「${variant === "kh" ? "校验" : "提示"}」列写出这一行的问题，有问题的行标黄：`,
          ...live.map((id) => `    ${title(id)}`),
        ]
      : []),
    "",
    "三、交回后由上级校验（需要整个工作簿才能判断）",
    ...later.map((id) => `    ${title(id)}`),
    "",
    "四、用什么软件",
    variant === "kh"
      ? "本模板使用 KH 自定义函数：需要 Excel 2021 或 Microsoft 365 并安装“考核规则”加载项才能重新计算；其他软件只显示最后保存的结果。"
      : "本模板只用通用公式：Excel 2010 及以上、WPS 表格、LibreOffice 均可打开和计算，不需要安装加载项。",
  ];
}

export type Validation =
  | { type: "list"; items: string[]; /** other values allowed after a warning */ warn: boolean }
  | { type: "listRange"; source: string; warn: boolean }
  | { type: "decimal"; min: number; max: number }
  | { type: "whole"; min: number }
  | { type: "date"; after: string };

/** The validation of an input column, the same for both writers. */
export function validationOf(kind: InputKind, t: Template): Validation | null {
  switch (kind) {
    case "teamGrade":
    case "grade":
    case "political":
    case "yesno":
    case "sanction":
    case "category":
      return { type: "list", items: t.lists[kind], warn: kind === "category" };
    case "unit":
      // A unit missing from 班子 may still be typed (it is D03 then), after a warning.
      return { type: "listRange", source: t.unitList, warn: true };
    case "score":
    case "percent":
      return { type: "decimal", min: 0, max: 100 };
    case "count":
      return { type: "whole", min: 0 };
    case "date":
      return { type: "date", after: "1949-10-01" };
    case "text":
      return null;
  }
}

/** What the cell asks for, shown when it is selected (the input message of data validation). */
export function promptOf(col: TemplateColumn, t: Template): { title: string; text: string } | null {
  const v = col.input ? validationOf(col.input, t) : null;
  if (!v) return null;
  const text =
    v.type === "list"
      ? `从下拉列表选择：${v.items.join("、")}`
      : v.type === "listRange"
        ? "从下拉列表选择班子表中的单位"
        : v.type === "decimal"
          ? `填写 ${v.min}–${v.max} 之间的数`
          : v.type === "whole"
            ? "填写整数"
            : "填写日期，如 2021-08-15";
  return { title: col.header, text: text.length > 250 ? text.slice(0, 249) + "…" : text };
}

/** Excel caps an inline list at 255 characters: longer lists point at cells instead. */
export function inlineList(items: string[]): string | null {
  const text = `"${items.join(",")}"`;
  return text.length <= 255 ? text : null;
}
