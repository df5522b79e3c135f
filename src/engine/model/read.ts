/**
 * Builds the model from plain value matrices: finds each sheet's header row by names and synonyms
 * (title rows above it, merged cells, columns in any order), orders year-labelled history columns,
 * skips blank and note rows, and keeps every value's sheet and row.
 */
import type { ScaleId } from "../grades";
import type { ResolvedRuleset } from "../ruleset/resolve";
import { teamScaleOf } from "../ruleset/types";
import type { SanctionRow } from "../ruleset/types";
import { cellText, fold, isBlank, unitKey } from "../text";
import { parseA1 } from "./a1";
import { matchCadreHeader, matchTeamHeader, type CadreCol, type TeamCol } from "./columns";
import { readCadreRow, RowReader, sanctionIndex } from "./row-reader";
import type {
  CadreRow,
  CadreSheetLayout,
  Model,
  SheetCells,
  SheetInput,
  TeamRow,
  TeamSheetLayout,
  WorkbookInput,
} from "./types";
import { buildUnits } from "./units";

/** Sheets the add-in writes itself; never read as appraisal data. */
export const OWN_SHEETS = new Set([
  "校验报告",
  "结果运用清单",
  "规则",
  "填表说明",
  "汇总校验报告",
  "分布",
  // A copy sent back for correction (its first sheet), and the comparison of a resubmission.
  "校验意见",
  "对比",
  "问题对比",
]);
const HEADER_SCAN_ROWS = 30;
const NOTE_ROW = /^(注|说明|备注|填表|合计|小计|总计|制表|审核)/;

/**
 * A row copied by its cells: a sparse wide row (one value in column XFD) is 16,384 long, and slice()
 * walks every index of such a row (100,000 of them take minutes) and may allocate its full width.
 */
function copyRow(row: unknown[] | undefined): unknown[] {
  if (!row) return [];
  if (row.length <= 1024) return row.slice();
  const copy: unknown[] = [];
  copy[row.length - 1] = undefined; // an index this far past the end keeps V8's elements in a dictionary
  delete copy[row.length - 1];
  for (const k in row) copy[Number(k)] = row[Number(k)];
  return copy;
}

/** Per row, per column: the row of the merged cell whose value the cell took. */
export type Anchors = Map<number, Map<number, number>>;

/**
 * Vertical merges carry the anchor's value down (a unit merged over its cadres); others stay blank.
 * Only over the rows the sheet has (a merge down to row 1,048,576 costs the rows with data, not a
 * million), each row copied once; `anchors` says which cells took their value from which anchor row.
 */
export function applyMerges(
  values: unknown[][],
  merges: string[] | undefined,
): { values: unknown[][]; anchors: Anchors } {
  const anchors: Anchors = new Map();
  if (!merges || merges.length === 0) return { values, anchors };
  let out = values;
  const copied = new Set<number>();
  for (const m of merges) {
    const [from, to] = m.split(":");
    const a = parseA1(from);
    const b = to ? parseA1(to) : a;
    if (!a || !b || b.row <= a.row) continue;
    const v = values[a.row]?.[a.col];
    if (isBlank(v)) continue;
    const last = Math.min(b.row, values.length - 1);
    for (let r = a.row + 1; r <= last; r++) {
      if (!isBlank(out[r]?.[a.col])) continue;
      if (out === values) out = values.slice();
      if (!copied.has(r)) {
        out[r] = copyRow(out[r]);
        copied.add(r);
      }
      out[r][a.col] = v;
      let cols = anchors.get(r);
      if (!cols) anchors.set(r, (cols = new Map()));
      cols.set(a.col, a.row);
    }
  }
  return { values: out, anchors };
}

interface HeaderFound<L> {
  layout: L;
  score: number;
}

function findCadreHeader(name: string, values: unknown[][]): HeaderFound<CadreSheetLayout> | null {
  let best: HeaderFound<CadreSheetLayout> | null = null;
  const last = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r] ?? [];
    const cols: Partial<Record<CadreCol, number>> = {};
    const years: { col: number; year: number; header: string }[] = [];
    const named: { col: number; back: number; header: string }[] = [];
    let score = 0;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (!text) continue;
      const m = matchCadreHeader(text);
      if (!m) continue;
      score++;
      if (m.kind === "col") {
        if (cols[m.id] === undefined) cols[m.id] = c;
      } else if (m.kind === "history") named.push({ col: c, back: m.back, header: text });
      else years.push({ col: c, year: m.year, header: text });
    }
    if (cols.name === undefined || (cols.grade === undefined && years.length === 0)) continue;
    if (best && best.score >= score) continue;
    const headers = row.map(cellText);
    best = { score, layout: { name, headerRow: r, headers, cols, history: named, ...{ years } } as CadreSheetLayout };
  }
  return best;
}

function findTeamHeader(
  name: string,
  values: unknown[][],
): HeaderFound<TeamSheetLayout & { years: { col: number; year: number }[] }> | null {
  let best: HeaderFound<TeamSheetLayout & { years: { col: number; year: number }[] }> | null = null;
  const last = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r] ?? [];
    const cols: Partial<Record<TeamCol, number>> = {};
    const years: { col: number; year: number }[] = [];
    let score = 0;
    let hasName = false;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (!text) continue;
      const asCadre = matchCadreHeader(text);
      if (asCadre?.kind === "col" && asCadre.id === "name") hasName = true;
      const m = matchTeamHeader(text);
      if (!m) continue;
      score++;
      if (m.kind === "col") {
        if (cols[m.id] === undefined) cols[m.id] = c;
      } else if (m.kind === "year") years.push({ col: c, year: m.year });
    }
    if (hasName || cols.unit === undefined || (cols.teamGrade === undefined && years.length === 0)) continue;
    if (best && best.score >= score) continue;
    best = { score, layout: { name, headerRow: r, headers: row.map(cellText), cols, years } };
  }
  return best;
}

/** "2025年度考核…" in a title row above the header. */
function yearFromTitle(values: unknown[][], headerRow: number): number | null {
  for (let r = 0; r < headerRow; r++) {
    for (const v of values[r] ?? []) {
      const m = /(20\d{2})\s*年/.exec(cellText(v));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** Year-labelled grade columns: the newest is this year's unless a plain grade column exists. */
function placeYears(
  years: { col: number; year: number; header?: string }[],
  hasPlain: boolean,
  given: number | null,
): { year: number | null; current: number | null; history: { col: number; back: number; header: string }[] } {
  if (years.length === 0) return { year: given, current: null, history: [] };
  const newest = Math.max(...years.map((y) => y.year));
  const year = given ?? (hasPlain ? newest + 1 : newest);
  let current: number | null = null;
  const history: { col: number; back: number; header: string }[] = [];
  for (const y of years) {
    const back = year - y.year;
    if (back === 0 && !hasPlain) current = y.col;
    else if (back > 0) history.push({ col: y.col, back, header: y.header ?? "" });
  }
  return { year, current, history };
}

/** Blank rows, note rows (注：…, 合计) and repeated header rows are not cadres. */
function isDataRow(name: string): boolean {
  return name !== "" && !NOTE_ROW.test(name) && name !== "姓名" && fold(name).toUpperCase() !== "NAME";
}

function readCadres(
  values: unknown[][],
  formulas: (string | null)[][] | undefined,
  anchors: Anchors,
  layout: CadreSheetLayout,
  scale: ScaleId,
  teamScale: ScaleId,
  sIndex: Map<string, SanctionRow>,
  historyLen: number,
): CadreRow[] {
  const c = layout.cols;
  const out: CadreRow[] = [];
  const rd = new RowReader(layout.headers, sIndex);
  const hasSanctions = c.sanction !== undefined || c.sanctionPrev1 !== undefined || c.sanctionPrev2 !== undefined;
  for (let r = layout.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    rd.onRow(row, formulas?.[r], anchors.get(r));
    const name = rd.text(c.name, true);
    if (!isDataRow(name)) continue;
    out.push(readCadreRow(rd, c, r, name, scale, historyLen, layout.history, hasSanctions, teamScale));
  }
  return out;
}

function readTeams(
  values: unknown[][],
  formulas: (string | null)[][] | undefined,
  anchors: Anchors,
  layout: TeamSheetLayout,
  sIndex: Map<string, SanctionRow>,
  teamScale: ScaleId,
): TeamRow[] {
  const c = layout.cols;
  const out: TeamRow[] = [];
  const rd = new RowReader(layout.headers, sIndex);
  for (let r = layout.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    rd.onRow(row, formulas?.[r], anchors.get(r));
    const unit = rd.text(c.unit, true);
    if (!isDataRow(unit) || unit === "单位") continue;
    out.push({
      r,
      unit,
      unitKey: unitKey(unit),
      category: rd.text(c.category),
      grade: rd.grade(c.teamGrade, teamScale),
      gradePrev: rd.grade(c.teamGradePrev, teamScale),
      regularScore: rd.score(c.regularScore),
      political: rd.grade(c.politicalQuality, "political"),
      pointsLost: rd.percent(c.pointsLost),
      performance: fold(rd.text(c.performance)),
      yearEnd: rd.score(c.yearEndScore),
      survey: rd.score(c.surveyScore),
      composite: rd.score(c.compositeScore),
      democraticLow: rd.percent(c.democraticLow),
      bad: rd.bad,
    });
  }
  return out;
}

/** Reads a workbook given as value matrices (no audit: see audit/pass.ts). Never throws on cell content. */
export function buildModel(input: WorkbookInput, ruleset: ResolvedRuleset): Model {
  const model: Model = {
    year: input.year ?? null,
    scale: ruleset.scale,
    teamScale: teamScaleOf(ruleset),
    sheetOrder: input.sheets.map((s) => s.name),
    cadreSheet: null,
    teamSheet: null,
    cadres: [],
    teams: [],
    units: [],
    unitByKey: new Map(),
    notes: [],
    cells: new Map(),
    carried: null,
    audit: [],
  };
  const sIndex = sanctionIndex(ruleset.params.sanctions);
  type Read = { sheet: SheetInput; values: unknown[][]; anchors: Anchors };
  let cadre: (Read & { found: HeaderFound<CadreSheetLayout> }) | null = null;
  let team: (Read & { found: NonNullable<ReturnType<typeof findTeamHeader>> }) | null = null;
  for (const sheet of input.sheets) {
    if (OWN_SHEETS.has(sheet.name.trim())) continue;
    const { values, anchors } = applyMerges(sheet.values ?? [], sheet.merges);
    const bonus = (want: string) => (sheet.name.includes(want) ? 100 : 0);
    const fc = findCadreHeader(sheet.name, values);
    if (
      fc &&
      (!cadre || fc.score + bonus("干部") > cadre.found.score + (cadre.sheet.name.includes("干部") ? 100 : 0))
    ) {
      cadre = { sheet, values, anchors, found: fc };
      continue;
    }
    const ft = findTeamHeader(sheet.name, values);
    if (ft && (!team || ft.score + bonus("班子") > team.found.score + (team.sheet.name.includes("班子") ? 100 : 0)))
      team = { sheet, values, anchors, found: ft };
  }

  let historyLen = 0;
  if (cadre) {
    const layout = cadre.found.layout as CadreSheetLayout & { years: { col: number; year: number; header: string }[] };
    const titleYear = model.year ?? yearFromTitle(cadre.values, layout.headerRow);
    const placed = placeYears(layout.years, layout.cols.grade !== undefined, titleYear);
    if (layout.cols.grade === undefined && placed.current !== null) layout.cols.grade = placed.current;
    layout.history = [...layout.history, ...placed.history].sort((a, b) => a.back - b.back);
    model.year = placed.year;
    model.cadreSheet = layout;
    historyLen = layout.history.reduce((m, h) => Math.max(m, h.back), 0);
    if (cadre.sheet.hidden) model.notes.push(`工作表「${cadre.sheet.name}」是隐藏的，已照常读取`);
  }
  if (team) {
    const layout = team.found.layout;
    const placed = placeYears(
      layout.years,
      layout.cols.teamGrade !== undefined,
      model.year ?? yearFromTitle(team.values, layout.headerRow),
    );
    if (layout.cols.teamGrade === undefined && placed.current !== null) layout.cols.teamGrade = placed.current;
    const prev = placed.history.find((h) => h.back === 1);
    if (layout.cols.teamGradePrev === undefined && prev) layout.cols.teamGradePrev = prev.col;
    model.year = model.year ?? placed.year;
    model.teamSheet = { name: layout.name, headerRow: layout.headerRow, headers: layout.headers, cols: layout.cols };
    model.teams = readTeams(team.values, team.sheet.formulas, team.anchors, model.teamSheet, sIndex, model.teamScale);
  }
  if (cadre && model.cadreSheet)
    model.cadres = readCadres(
      cadre.values,
      cadre.sheet.formulas,
      cadre.anchors,
      model.cadreSheet,
      ruleset.scale,
      model.teamScale,
      sIndex,
      historyLen,
    );
  buildUnits(model);
  const cells: [string, SheetCells][] = [];
  if (cadre) cells.push([cadre.sheet.name, { values: cadre.values, formulas: cadre.sheet.formulas }]);
  if (team) cells.push([team.sheet.name, { values: team.values, formulas: team.sheet.formulas }]);
  model.cells = new Map(cells);
  return model;
}
