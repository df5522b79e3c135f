/** The department's record of past years (earlier consolidated or checked workbooks), and what it said of a workbook. */
import type { Grade } from "../grades";
import type { CadreRow, CellRef } from "../model/types";
import type { PeopleIndex } from "./people";

/** One person's grade of one year, as the record holds it. */
export interface PastEntry {
  year: number;
  unit: string;
  unitKey: string;
  name: string;
  idNumber: string;
  grade: Grade;
  /** Where the record holds it: the file as given, its sheet and cell. */
  file: string;
  sheet: string;
  cell: string;
}

export interface PastYear {
  year: number;
  index: PeopleIndex<PastEntry>;
}

export interface PastFile {
  file: string;
  year: number;
  /** People with a grade of that year in the file. */
  people: number;
}

export interface PastRecord {
  files: PastFile[];
  /** Years held, newest first. */
  years: PastYear[];
}

/** What checking one workbook against the record found (read by H07, counted for the command line). */
export type RecordIssue =
  | { kind: "contradicts"; person: CadreRow; at: CellRef; year: number; typed: Grade; past: PastEntry }
  | { kind: "absent"; person: CadreRow; units: string[] }
  | { kind: "conflict"; person: CadreRow; year: number; entries: PastEntry[] }
  | { kind: "noYear" }
  | { kind: "notBefore"; files: PastFile[] };

export interface RecordOutcome {
  /** History cells (or years without a column) the record filled. */
  filled: number;
  contradicted: number;
  absent: number;
  issues: RecordIssue[];
}
