/** The appraisal workbook as the checks see it: plain values, every one with its sheet and cell. */
import type { Grade, ScaleId } from "../grades";
import type { SanctionRow } from "../ruleset/types";
import type { Day } from "../values";
import type { CadreCol, TeamCol } from "./columns";
import type { RuleSetting, RulesetParams } from "../ruleset/types";
import type { RecordOutcome } from "../record/types";

/** One sheet as Excel's `range.values` or ExcelJS gives it: rows of plain values. */
export interface SheetInput {
  name: string;
  /** Rows from the sheet's first row and column (A1), blanks as null or "". */
  values: unknown[][];
  /** Merged ranges ("A5:A9"): the anchor's value stands for the whole range going down. */
  merges?: string[];
  hidden?: boolean;
  /** Formula text ("=…") per cell, null where the cell holds a value; absent when not read. */
  formulas?: (string | null)[][];
}

export interface WorkbookInput {
  sheets: SheetInput[];
  /** The appraisal year when the caller knows it; otherwise read from headers or the title. */
  year?: number;
}

export type BadKind =
  | "grade"
  | "yesno"
  | "sanction"
  | "score"
  | "percent"
  | "date"
  | "count"
  /** An Excel error value (#NAME?, #REF!…) where a value is read (D09). */
  | "error"
  /** A formula saved without a calculated value (D09): its value is unknown, not blank. */
  | "uncalculated"
  /** Text the file lacks (a shared string beyond the table, D09): unknown, not blank. */
  | "missing";

/** A cell whose text is not a value its column accepts (D01 / D06). */
export interface BadCell {
  col: number;
  kind: BadKind;
  text: string;
  header: string;
  scale?: ScaleId;
  /** The row of the merged cell whose value this is, when it came down from an anchor above: reported there, once. */
  anchorRow?: number;
}

export interface SheetLayout {
  name: string;
  /** 0-based row of the header. */
  headerRow: number;
  headers: string[];
}

export interface CadreSheetLayout extends SheetLayout {
  cols: Partial<Record<CadreCol, number>>;
  /** History grade columns, by years back (1 = last year). */
  history: { col: number; back: number; header: string }[];
}

export interface TeamSheetLayout extends SheetLayout {
  cols: Partial<Record<TeamCol, number>>;
}

export interface CadreRow {
  /** 0-based sheet row. */
  r: number;
  unit: string;
  unitKey: string;
  name: string;
  idNumber: string;
  principal: boolean | null;
  /** null: blank or not understood (then in `bad`). */
  grade: Grade | null;
  /** history[0] is last year's grade, history[1] the year before… (null where unknown). */
  history: (Grade | null)[];
  regularScore: number | null;
  political: Grade | null;
  /** sanctions[0] this year's, [1] last year's, [2] the year before's. */
  sanctions: SanctionRow[][];
  faultTolerated: boolean | null;
  proposedPromotion: boolean | null;
  probation: boolean | null;
  underReview: boolean | null;
  appointedOn: Day | null;
  predecessorAppointedOn: Day | null;
  termNo: number | null;
  termEnd: Day | null;
  yearEnd: number | null;
  survey: number | null;
  composite: number | null;
  proposedGrade: Grade | null;
  /** Layout with the team grade on every cadre row. */
  teamGrade: Grade | null;
  teamGradePrev: Grade | null;
  /** That layout's team 平时考核 and 政治素质 (Gansu). */
  teamRegularScore: number | null;
  teamPolitical: Grade | null;
  category: string;
  /** Share (percent) of 基本称职 + 不称职 votes in the democratic evaluation (R08). */
  democraticLow: number | null;
  bad: BadCell[];
}

export interface TeamRow {
  r: number;
  unit: string;
  unitKey: string;
  category: string;
  grade: Grade | null;
  gradePrev: Grade | null;
  /** The team's own 平时考核 and 政治素质 (Gansu assesses teams as it does cadres). */
  regularScore: number | null;
  political: Grade | null;
  pointsLost: number | null;
  performance: string;
  yearEnd: number | null;
  survey: number | null;
  composite: number | null;
  democraticLow: number | null;
  bad: BadCell[];
}

/** Where a value lives. */
export interface CellRef {
  sheet: string;
  r: number;
  c: number;
}

/** One unit given different values for one team field (D08): the rules that need it do not decide. */
export interface TeamConflict {
  field:
    | "grade"
    | "gradePrev"
    | "category"
    | "pointsLost"
    | "performance"
    | "yearEnd"
    | "survey"
    | "composite"
    | "democraticLow"
    | "regularScore"
    | "political";
  sheet: string;
  col: number;
  /** Each distinct value with the 0-based rows holding it, in a fixed order (grades best first). */
  values: { value: Grade | number | string; rows: number[] }[];
  /** Every row that lists the unit for this field. */
  listed: number[];
}

export interface Unit {
  key: string;
  name: string;
  category: string;
  team: TeamRow | null;
  teamGrade: Grade | null;
  teamGradePrev: Grade | null;
  /** The cell holding the team grade (teams sheet, or the unit's first cadre row). */
  teamGradeAt: CellRef | null;
  cadres: CadreRow[];
  principals: CadreRow[];
  /** Team fields its rows disagree on; each such field reads as unknown. */
  conflicts: TeamConflict[];
  /** The team's own 平时考核 and 政治素质, from 班子 or from the cadre rows of a one-sheet layout. */
  teamRegularScore: number | null;
  teamPolitical: Grade | null;
}

/** A formula-level finding (A03–A06), found by the audit pass over a built model. */
export interface AuditIssue {
  rule: "A03" | "A04" | "A05" | "A06";
  at: CellRef;
  unit?: string;
  person?: string;
  zh: string;
  en: string;
}

/**
 * The formula a template puts in a column, in relative R1C1 form, where the template puts it: the audit's
 * reference for that column (else the column's own majority).
 */
export interface FormulaReference {
  sheet: string;
  header: string;
  /** 0-based column. */
  col: number;
  r1c1: string;
}

/** One read sheet's matrices as the model saw them (merges applied), for the passes after it. */
export interface SheetCells {
  values: unknown[][];
  /** Formula text ("=…") per cell, null where the cell holds a value. */
  formulas?: (string | null)[][];
}

/** The ruleset a workbook carries on its 规则 sheet (templates), as the sheet now reads. */
export interface CarriedRuleset {
  id: string;
  title: string;
  scale: ScaleId;
  year: number | null;
  /** The fingerprint the sheet states … */
  stated: string;
  /** … and the one its parameters and rules give now. */
  computed: string;
  params: RulesetParams;
  rules: Record<string, RuleSetting>;
  /** The announcement date filled in on the sheet, from which result-use measures run. */
  announced: Day | null;
  /** The template's formulas: plain worksheet functions or KH; null on sheets older than the choice. */
  formulas: "native" | "kh" | null;
  teamScale: "team" | "termClass";
  /** Where the fingerprint is written (0-based). */
  at: { sheet: string; r: number; c: number };
  /** Parameters that differ from the built-in ruleset of the same id, with their cells. */
  changed: { path: string; found: unknown; builtin: unknown; cell: string }[];
  /** What changed, said for A01. */
  changeText: { zh: string; en: string };
  /** A02, said against the ruleset the checker uses. */
  otherText(used: { id: string; fingerprint: string }): { zh: string; en: string };
}

export interface Model {
  year: number | null;
  scale: ScaleId;
  /** How the workbook's teams are graded (the ruleset's team scale). */
  teamScale: "team" | "termClass";
  sheetOrder: string[];
  cadreSheet: CadreSheetLayout | null;
  teamSheet: TeamSheetLayout | null;
  cadres: CadreRow[];
  teams: TeamRow[];
  /** Units in order of first appearance, teams sheet first. */
  units: Unit[];
  unitByKey: Map<string, Unit>;
  /** Notes on how the workbook was read (ignored sheets, hidden sheets), for the front ends. */
  notes: string[];
  /** The sheets read as cadres and teams, by name. */
  cells: Map<string, SheetCells>;
  /** The ruleset the workbook carries on a 规则 sheet; set by the audit pass (audit/pass.ts). */
  carried: CarriedRuleset | null;
  /** Formula-level findings (A03–A06); set by the audit pass. */
  audit: AuditIssue[];
  /** What the department's record of past years said (H07); set only when a record was given. */
  record?: RecordOutcome;
}
