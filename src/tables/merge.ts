/**
 * 回收汇总: the returned workbooks, each checked with the engine, laid into sheets of the add-in's own —
 * 班子汇总 and 干部汇总 (every unit's rows with 来源文件 and the original cell), 汇总校验报告 (every file's
 * findings, linked to the consolidated row) and 分布 (each unit's 优秀 against its quota). The pane writes
 * them with Office.js, `kaohe merge` with ExcelJS: the same tables, so the same cells.
 */
import {
  cellText,
  checkWorkbook,
  distribution,
  gradeLabel,
  parseA1,
  type CheckResult,
  type Distribution,
  type ResolvedRuleset,
  type Summary,
} from "../engine";
import type { Unusable } from "../batch/results";
import type { CheckedFile } from "../batch/check-one";
import { FINDING_HEADER, FINDING_WIDTHS, findingRows, SEVERITY_TEXT } from "./report";
import { tableValues, type Table, type TableCell } from "./table";

type Lang = "zh" | "en";

export type { CheckedFile } from "../batch/check-one";

export type FileStatus =
  { file: string; status: "checked"; units: string[]; rows: number; summary: Summary; ruleset: string } | Unusable;

export function fileStatus(c: CheckedFile): FileStatus {
  const m = c.result.model;
  return {
    file: c.file,
    status: "checked",
    units: m.units.map((u) => u.name).filter(Boolean),
    rows: m.teams.length + m.cadres.length,
    summary: c.result.summary,
    ruleset: c.result.ruleset.id,
  };
}

export const MERGED_TEAMS = "班子汇总";
export const MERGED_CADRES = "干部汇总";
export const MERGE_REPORT = "汇总校验报告";
export const DISTRIBUTION = "分布";

const TEXT = {
  zh: {
    file: "来源文件",
    cell: "原单元格",
    at: "汇总时间",
    files: "文件",
    filesValue: (ok: number, bad: number) => `${ok + bad} 个（已校验 ${ok} 个，无法使用 ${bad} 个）`,
    row: "汇总行",
    dist: ["单位", "优秀", "优秀上限", "超出", "参评人数", "班子等次", "称职", "基本称职", "不称职", "未定等次"],
    body: "全体",
  },
  en: {
    file: "Source file",
    cell: "Original cell",
    at: "Merged at",
    files: "Files",
    filesValue: (ok: number, bad: number) => `${ok + bad} (${ok} checked, ${bad} unusable)`,
    row: "Merged row",
    dist: ["Unit", "优秀", "Quota", "Over", "Taking part", "Team grade", "称职", "基本称职", "不称职", "Ungraded"],
    body: "Whole body",
  },
};

/** A cell as the tables hold it: numbers stay numbers, everything else its text. */
function cell(v: unknown): TableCell {
  if (typeof v === "number") return v;
  if (v === null || v === undefined || v === "") return null;
  return cellText(v);
}

interface Placed {
  /** 0-based row of the consolidated table's body, per file, source sheet and source row. */
  rowOf: Map<string, number>;
}

function consolidate(
  files: CheckedFile[],
  which: "team" | "cadre",
  name: string,
  lang: Lang,
  meta: [string, string][],
): { table: Table; placed: Placed } {
  const t = TEXT[lang];
  // Columns by header text, in the order first met: a unit that moved a column still lines up.
  const headers: string[] = [];
  for (const f of files) {
    const layout = which === "team" ? f.result.model.teamSheet : f.result.model.cadreSheet;
    for (const h of layout?.headers ?? []) if (h && !headers.includes(h)) headers.push(h);
  }
  const rows: TableCell[][] = [];
  const rowOf = new Map<string, number>();
  for (const f of files) {
    const m = f.result.model;
    const layout = which === "team" ? m.teamSheet : m.cadreSheet;
    if (!layout) continue;
    const values = m.cells.get(layout.name)?.values ?? [];
    const at = layout.headers.map((h) => headers.indexOf(h));
    for (const r of (which === "team" ? m.teams : m.cadres).map((x) => x.r)) {
      const out: TableCell[] = Array(headers.length + 2).fill(null);
      out[0] = f.file;
      out[1] = `${layout.name}!A${r + 1}`;
      (values[r] ?? []).forEach((v, c) => {
        if (at[c] !== undefined && at[c] >= 0) out[at[c] + 2] = cell(v);
      });
      rowOf.set(`${f.file}\u0000${layout.name}\u0000${r}`, rows.length);
      rows.push(out);
    }
  }
  return {
    table: {
      kind: which === "team" ? "mergedTeams" : "mergedCadres",
      name,
      meta,
      header: [t.file, t.cell, ...headers],
      rows,
      widths: [24, 10, ...headers.map((h) => Math.min(24, Math.max(8, h.length * 2 + 2)))],
    },
    placed: { rowOf },
  };
}

/** Where a consolidated table's body row sits on its sheet (meta lines, a blank line, the header). */
export function bodyRowAddress(table: Pick<Table, "meta">, index: number): string {
  const top = table.meta.length ? table.meta.length + 1 : 0;
  return `A${top + 2 + index}`;
}

export interface Merged {
  tables: Table[];
  statuses: FileStatus[];
  distribution: Distribution | null;
}

/** 班子汇总, 干部汇总 and 汇总校验报告 (分布 needs the consolidated check: `merge`). */
function mergeTables(files: CheckedFile[], unusable: Unusable[], lang: Lang, at: string): Merged {
  const t = TEXT[lang];
  const meta: [string, string][] = [
    [t.at, at],
    [t.files, t.filesValue(files.length, unusable.length)],
  ];
  const teams = consolidate(files, "team", MERGED_TEAMS, lang, meta);
  const cadres = consolidate(files, "cadre", MERGED_CADRES, lang, meta);
  const reportRows: TableCell[][] = [];
  for (const f of files) {
    const m = f.result.model;
    const rows = findingRows(f.result.findings, lang);
    f.result.findings.forEach((finding, i) => {
      const r = parseA1(finding.cell)?.row ?? -1;
      const key = `${f.file}\u0000${finding.sheet}\u0000${r}`;
      const inTeams = m.teamSheet?.name === finding.sheet ? teams.placed.rowOf.get(key) : undefined;
      const inCadres = m.cadreSheet?.name === finding.sheet ? cadres.placed.rowOf.get(key) : undefined;
      const link: TableCell =
        inTeams !== undefined
          ? {
              text: `${MERGED_TEAMS}!${bodyRowAddress(teams.table, inTeams)}`,
              sheet: MERGED_TEAMS,
              cell: bodyRowAddress(teams.table, inTeams),
            }
          : inCadres !== undefined
            ? {
                text: `${MERGED_CADRES}!${bodyRowAddress(cadres.table, inCadres)}`,
                sheet: MERGED_CADRES,
                cell: bodyRowAddress(cadres.table, inCadres),
              }
            : null;
      // The finding's own cell lives in another file: text, not a link.
      const row = rows[i].map((c) => (typeof c === "object" && c !== null ? c.text : c));
      reportRows.push([f.file, ...row, link]);
    });
  }
  for (const u of unusable) {
    reportRows.push([
      u.file,
      "",
      SEVERITY_TEXT[lang].error,
      "",
      "",
      "",
      "",
      lang === "zh" ? u.error : u.errorEn,
      "",
      null,
    ]);
  }
  const report: Table = {
    kind: "mergeReport",
    name: MERGE_REPORT,
    meta,
    header: [t.files, ...FINDING_HEADER[lang], t.row],
    rows: reportRows,
    widths: [24, ...FINDING_WIDTHS, 16],
  };
  return {
    tables: [teams.table, cadres.table, report],
    statuses: [...files.map(fileStatus), ...unusable],
    distribution: null,
  };
}

export function distributionTable(d: Distribution, check: CheckResult, lang: Lang, meta: [string, string][]): Table {
  const t = TEXT[lang];
  const scale = check.model.teamScale;
  // 单位, 优秀, 上限 first: the chart's source is those three columns.
  const rows: TableCell[][] = d.units.map((u) => [
    u.unit,
    u.excellent,
    u.quota,
    u.quota === null ? null : u.over,
    u.n,
    u.teamGrade === null || u.teamGrade > 3 ? null : gradeLabel(u.teamGrade, scale, lang),
    ...u.grades.slice(1),
  ]);
  const bodyOver = d.body.quota === null ? null : Math.max(0, d.body.excellent - d.body.quota);
  rows.push([t.body, d.body.excellent, d.body.quota, bodyOver, d.body.n, null, null, null, null, null]);
  return {
    kind: "distribution",
    name: DISTRIBUTION,
    meta,
    header: t.dist,
    rows,
    widths: [22, 6, 8, 6, 8, 8, 6, 8, 6, 8],
  };
}

/**
 * The whole 回收汇总 from checked and unusable files: the consolidated rows are checked again as one
 * workbook (what 「校验整个工作簿」 on the consolidated sheets gives: body-wide rules across units), and
 * that check draws 分布.
 */
export function merge(
  results: (CheckedFile | Unusable)[],
  ruleset: ResolvedRuleset,
  lang: Lang,
  at: string,
): Merged & { consolidated: CheckResult | null } {
  const files = results.filter((r): r is CheckedFile => !("status" in r));
  const unusable = results.filter((r): r is Unusable => "status" in r);
  const first = mergeTables(files, unusable, lang, at);
  const [teams, cadres] = first.tables;
  const input = {
    sheets: [
      { name: teams.name, values: tableValues(teams) },
      { name: cadres.name, values: tableValues(cadres) },
    ],
  };
  const consolidated = files.length ? checkWorkbook(input, ruleset) : null;
  const dist = consolidated && !consolidated.problem ? distribution(consolidated.model, consolidated.ruleset) : null;
  const tables = dist
    ? [...first.tables, distributionTable(dist, consolidated!, lang, first.tables[0].meta)]
    : first.tables;
  return { ...first, tables, distribution: dist, consolidated };
}
