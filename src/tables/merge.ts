/**
 * 回收汇总: the returned workbooks, each checked with the engine, laid into sheets of the add-in's own —
 * 班子汇总 and 干部汇总 (every unit's rows with 来源文件 and the original cell), 汇总校验报告 (every file's
 * findings, linked to the consolidated row) and 分布 (each unit's 优秀 against its quota). The pane writes
 * them with Office.js, `kaohe merge` with ExcelJS: the same tables, so the same cells.
 */
import {
  buildModel,
  cellText,
  distribution,
  gradeLabel,
  parseA1,
  type Distribution,
  type Model,
  type ResolvedRuleset,
  type Summary,
} from "../engine";
import type { Unusable } from "../batch/results";
import type { CheckedFile } from "../batch/check-one";
import type { Skipped } from "../batch/intake";
import { FINDING_HEADER, FINDING_WIDTHS, findingRows, SEVERITY_TEXT } from "./report";
import { tableValues, type Table, type TableCell } from "./table";
import { withFormat, type FormatId } from "../xlsx/formats";

type Lang = "zh" | "en";

export type { CheckedFile } from "../batch/check-one";

export type FileStatus =
  | {
      file: string;
      status: "checked";
      units: string[];
      rows: number;
      summary: Summary;
      ruleset: string;
      /** The format it was read as, where not .xlsx, as status lines name it. */
      format?: FormatId;
      /** The file named with that format: `市审计局.xls（Excel 97–2003）`. */
      label?: { zh: string; en: string };
    }
  | Unusable;

export function fileStatus(c: CheckedFile): FileStatus {
  const m = c.result.model;
  return {
    file: c.file,
    status: "checked",
    units: m.units.map((u) => u.name).filter(Boolean),
    rows: m.teams.length + m.cadres.length,
    summary: c.result.summary,
    ruleset: c.result.ruleset.id,
    ...(c.format
      ? { format: c.format, label: { zh: withFormat(c.file, c.format, "zh"), en: withFormat(c.file, c.format, "en") } }
      : {}),
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

/** 0-based body row of a consolidated table, per source sheet and row, for one file's links. */
type Placed = Map<string, number>;

/** Meta lines above every consolidated table (汇总时间, 文件): links into the body are counted past them. */
const META_LINES = 2;

/** Where a consolidated table's body row sits on its sheet (meta lines, a blank line, the header). */
export function bodyRowAddress(table: Pick<Table, "meta">, index: number): string {
  const top = table.meta.length ? table.meta.length + 1 : 0;
  return `A${top + 2 + index}`;
}

/** One consolidated table (班子汇总 or 干部汇总), filled file by file. */
class Consolidated {
  /** Columns by header text, in the order first met: a unit that moved a column still lines up. */
  readonly headers: string[] = [];
  readonly rows: TableCell[][] = [];

  constructor(private readonly which: "team" | "cadre") {}

  /** The file's rows appended (its model is not kept); where each landed. */
  add(f: CheckedFile): Placed {
    const placed: Placed = new Map();
    const m = f.result.model;
    const layout = this.which === "team" ? m.teamSheet : m.cadreSheet;
    if (!layout) return placed;
    for (const h of layout.headers) if (h && !this.headers.includes(h)) this.headers.push(h);
    const values = m.cells.get(layout.name)?.values ?? [];
    const at = layout.headers.map((h) => (h ? this.headers.indexOf(h) : -1));
    for (const r of (this.which === "team" ? m.teams : m.cadres).map((x) => x.r)) {
      const out: TableCell[] = Array(this.headers.length + 2).fill(null);
      out[0] = f.file;
      out[1] = `${layout.name}!A${r + 1}`;
      // By the header's columns, not the row's: a row with a stray value in column XFD costs nothing more.
      const row = values[r] ?? [];
      at.forEach((to, c) => {
        if (to >= 0) out[to + 2] = cell(row[c]);
      });
      placed.set(`${layout.name}\u0000${r}`, this.rows.length);
      this.rows.push(out);
    }
    return placed;
  }

  table(name: string, lang: Lang, meta: [string, string][]): Table {
    const t = TEXT[lang];
    // Rows of files read before a later file added a column are padded: every row as wide as the header.
    const width = this.headers.length + 2;
    for (const row of this.rows) while (row.length < width) row.push(null);
    return {
      kind: this.which === "team" ? "mergedTeams" : "mergedCadres",
      name,
      meta,
      header: [t.file, t.cell, ...this.headers],
      rows: this.rows,
      widths: [24, 10, ...this.headers.map((h) => Math.min(24, Math.max(8, h.length * 2 + 2)))],
    };
  }
}

export interface Merged {
  tables: Table[];
  statuses: FileStatus[];
  distribution: Distribution | null;
  /** Files passed over on purpose (copies, our own outputs), each with why. */
  skipped: Skipped[];
}

/**
 * 回收汇总 built file by file: each checked file gives its consolidated rows, its findings as report rows
 * linked to those rows, and its status line — and is then let go, so that merging many returns holds
 * little more than their rows (kaohe merge on a 100,000-row return stays near a check of it).
 */
export class Consolidation {
  private readonly teams = new Consolidated("team");
  private readonly cadres = new Consolidated("cadre");
  private readonly reportRows: TableCell[][] = [];
  private readonly checked: FileStatus[] = [];
  private readonly unusable: Unusable[] = [];
  private readonly skipped: Skipped[] = [];

  constructor(private readonly lang: Lang) {}

  add(r: CheckedFile | Unusable | Skipped): void {
    if (!("status" in r)) this.addChecked(r);
    else if (r.status === "unusable") this.unusable.push(r);
    else this.skipped.push(r);
  }

  private addChecked(f: CheckedFile): void {
    const m = f.result.model;
    const inTeams = this.teams.add(f);
    const inCadres = this.cadres.add(f);
    const rows = findingRows(f.result.findings, this.lang);
    const meta = { meta: Array(META_LINES) };
    const link = (sheet: string, index: number): TableCell => ({
      text: `${sheet}!${bodyRowAddress(meta, index)}`,
      sheet,
      cell: bodyRowAddress(meta, index),
    });
    f.result.findings.forEach((finding, i) => {
      const key = `${finding.sheet}\u0000${parseA1(finding.cell)?.row ?? -1}`;
      const team = m.teamSheet?.name === finding.sheet ? inTeams.get(key) : undefined;
      const cadre = m.cadreSheet?.name === finding.sheet ? inCadres.get(key) : undefined;
      const to =
        team !== undefined ? link(MERGED_TEAMS, team) : cadre !== undefined ? link(MERGED_CADRES, cadre) : null;
      // The finding's own cell lives in another file: text, not a link.
      const row = rows[i].map((c) => (typeof c === "object" && c !== null ? c.text : c));
      this.reportRows.push([f.file, ...row, to]);
    });
    this.checked.push(fileStatus(f));
  }

  /**
   * The four sheets: the consolidated rows are read again as one workbook (the model 「校验整个工作簿」 on
   * the consolidated sheets builds: units across files), and that model draws 分布.
   */
  finish(ruleset: ResolvedRuleset, at: string): Merged {
    const t = TEXT[this.lang];
    const meta: [string, string][] = [
      [t.at, at],
      [t.files, t.filesValue(this.checked.length, this.unusable.length)],
    ];
    if (meta.length !== META_LINES) throw new Error("merge: the links count META_LINES meta lines");
    const teams = this.teams.table(MERGED_TEAMS, this.lang, meta);
    const cadres = this.cadres.table(MERGED_CADRES, this.lang, meta);
    for (const u of this.unusable) {
      const error = this.lang === "zh" ? u.error : u.errorEn;
      this.reportRows.push([u.file, "", SEVERITY_TEXT[this.lang].error, "", "", "", "", error, "", null]);
    }
    const report: Table = {
      kind: "mergeReport",
      name: MERGE_REPORT,
      meta,
      header: [t.files, ...FINDING_HEADER[this.lang], t.row],
      rows: this.reportRows,
      widths: [24, ...FINDING_WIDTHS, 16],
    };
    const input = {
      sheets: [
        { name: teams.name, values: tableValues(teams) },
        { name: cadres.name, values: tableValues(cadres) },
      ],
    };
    // The model alone draws 分布 (the consolidated workbook's findings are the pane's 「校验整个工作簿」's job).
    const model = this.checked.length ? buildModel(input, ruleset) : null;
    const dist = model && (model.cadreSheet || model.teamSheet) ? distribution(model, ruleset) : null;
    return {
      tables: [teams, cadres, report, ...(dist ? [distributionTable(dist, model!, this.lang, meta)] : [])],
      statuses: [...this.checked, ...this.unusable],
      distribution: dist,
      skipped: this.skipped,
    };
  }
}

export function distributionTable(d: Distribution, model: Model, lang: Lang, meta: [string, string][]): Table {
  const t = TEXT[lang];
  const scale = model.teamScale;
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

/** The whole 回收汇总 at once, from checked, unusable and skipped files (the pane's 回收汇总). */
export function merge(
  results: (CheckedFile | Unusable | Skipped)[],
  ruleset: ResolvedRuleset,
  lang: Lang,
  at: string,
): Merged {
  const c = new Consolidation(lang);
  for (const r of results) c.add(r);
  return c.finish(ruleset, at);
}
