/**
 * The template a superior unit sends out, as data: sheets, headers, widths, dropdown lists, formula
 * columns and the protected 规则 sheet. Two writers read it — ExcelJS for `kaohe template`, Office.js
 * for the pane — and the audit (A03–A06) reads the formulas from it, so all three agree.
 */
import { SCALES, UNGRADED_LABEL } from "../engine/grades";
import { columnLetter } from "../engine/model/a1";
import { findBuiltin, type ResolvedRuleset } from "../engine/ruleset/resolve";
import { RULES_SHEET, rulesSheetRows } from "../engine/audit/rules-sheet";
import { STATUS_OVER } from "../engine/audit/formulas";

export type InputKind =
  | "teamGrade"
  | "grade"
  | "political"
  | "yesno"
  | "sanction"
  | "category"
  | "score"
  | "percent"
  | "date"
  | "count"
  | "text";
/** What a formula column computes: the audit recomputes it with the engine (A06). */
export type Computes = "participants" | "quota" | "excellentCount" | "status" | "check";

export interface TemplateColumn {
  header: string;
  width: number;
  input?: InputKind;
  /** The formula of the data row on Excel row `row` (1-based), A1 style, with the leading "=". */
  formula?: (row: number) => string;
  computes?: Computes;
}

export interface TemplateSheet {
  name: string;
  columns: TemplateColumn[];
  /** Data rows prepared below the header (row 1). */
  rows: number;
}

export interface Template {
  ruleset: ResolvedRuleset;
  year: number;
  teams: TemplateSheet;
  cadres: TemplateSheet;
  /** The 规则 sheet's rows, from A1. */
  rules: unknown[][];
  lists: Record<Exclude<InputKind, "score" | "percent" | "date" | "count" | "text">, string[]>;
}

export const TEAMS_SHEET = "班子";
export const CADRES_SHEET = "干部";

const CATEGORIES = ["市直部门", "区县", "乡镇", "街道", "事业单位", "国有企业"];

export interface TemplateOptions {
  year: number;
  teamRows?: number;
  cadreRows?: number;
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
  // KH functions know built-in ids only; a locality's own ruleset applies as the workbook's ruleset in force.
  const rsArg = findBuiltin(rs.id.split("+")[0]) ? `,${RULES_SHEET}!$B$2` : "";
  const q = rs.params.quota;
  const cadres: TemplateColumn[] = [
    { header: "序号", width: 6, input: "count" },
    { header: "单位", width: 18, input: "text" },
    { header: "姓名", width: 10, input: "text" },
    { header: "身份证号", width: 20, input: "text" },
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
    { header: "备注", width: 20, input: "text" },
    { header: "校验", width: 40, computes: "check" },
  ];
  const teams: TemplateColumn[] = [
    { header: "序号", width: 6, input: "count" },
    { header: "单位", width: 20, input: "text" },
    { header: "单位类别", width: 12, input: "category" },
    { header: "本年班子等次", width: 12, input: "teamGrade" },
    { header: "上年班子等次", width: 12, input: "teamGrade" },
    { header: "指标失分率", width: 10, input: "percent" },
    { header: "参评人数", width: 9, computes: "participants" },
    { header: "优秀上限", width: 9, computes: "quota" },
    { header: "已定优秀", width: 9, computes: "excellentCount" },
    { header: "状态", width: 14, computes: "status" },
  ];
  const c = letters(cadres);
  const t = letters(teams);
  const C = (h: string) => `${CADRES_SHEET}!$${c(h)}:$${c(h)}`;
  const unitIs = (r: number) => `${C("单位")},$${t("单位")}${r}`;
  const named = `${C("姓名")},"<>"`;
  const notPrincipal = q.principalCounts ? "" : `,${C("是否正职")},"<>是"`;
  const teamFormulas: Record<Computes, (r: number) => string> = {
    participants: (r) => {
      let n = `COUNTIFS(${unitIs(r)},${named}${notPrincipal})`;
      if (q.excludeUngraded)
        n += `-COUNTIFS(${unitIs(r)},${named}${notPrincipal},${C("本年等次")},"${UNGRADED_LABEL}")`;
      return `=IF($${t("单位")}${r}="","",${n})`;
    },
    quota: (r) =>
      `=IF(OR($${t("单位")}${r}="",$${t("本年班子等次")}${r}=""),"",KH.EXCELLENTQUOTA($${t("本年班子等次")}${r},$${t("参评人数")}${r}${rsArg}))`,
    excellentCount: (r) =>
      `=IF($${t("单位")}${r}="","",COUNTIFS(${unitIs(r)},${named}${notPrincipal},${C("本年等次")},"优秀"))`,
    status: (r) =>
      `=IF(OR($${t("优秀上限")}${r}="",$${t("已定优秀")}${r}=""),"",IF($${t("已定优秀")}${r}>$${t("优秀上限")}${r},"${STATUS_OVER}",""))`,
    check: () => "",
  };
  for (const col of teams) if (col.computes) col.formula = teamFormulas[col.computes];
  const check = cadres.find((x) => x.computes === "check")!;
  check.formula = (r) =>
    `=IF($${c("姓名")}${r}="","",KH.CHECK(IFERROR(VLOOKUP($${c("单位")}${r},${TEAMS_SHEET}!$${t("单位")}:$${t("本年班子等次")},${teams.findIndex((x) => x.header === "本年班子等次") - teams.findIndex((x) => x.header === "单位") + 1},FALSE),""),$${c("本年等次")}${r},$${c("是否正职")}${r},$${c("处分或处理")}${r},$${c("政治素质")}${r},$${c("平时考核得分")}${r}${rsArg}))`;

  const cadreScale = rs.scale === "institution" ? SCALES.institution : SCALES.cadre;
  return {
    ruleset: rs,
    year,
    teams: { name: TEAMS_SHEET, columns: teams, rows: opts.teamRows ?? 60 },
    cadres: { name: CADRES_SHEET, columns: cadres, rows: opts.cadreRows ?? 600 },
    rules: rulesSheetRows(rs, year),
    lists: {
      teamGrade: [...SCALES.team.labels],
      grade: [...cadreScale.labels, UNGRADED_LABEL],
      political: [...SCALES.political.labels],
      yesno: ["是", "否"],
      sanction: rs.params.sanctions.map((s) => s.name),
      category: CATEGORIES,
    },
  };
}

export type Validation =
  | { type: "list"; items: string[]; /** other values allowed after a warning */ warn: boolean }
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

/** Excel caps an inline list at 255 characters: longer lists point at cells instead. */
export function inlineList(items: string[]): string | null {
  const text = `"${items.join(",")}"`;
  return text.length <= 255 ? text : null;
}
