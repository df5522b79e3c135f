/**
 * What the one UI needs from where it runs. Excel (Office.js), WPS (its ET API) and the browser app
 * (files in, downloads out) each implement it; the UI (ui/pane.ts) never names a host.
 */
import type { Finding, LiveCheck, LiveOutcome, WorkbookInput } from "../engine";
import type { Table } from "../tables/table";
import type { Template } from "../template/spec";
import type { Environment, Said } from "./environment";
import type { Progress, Signal } from "./progress";
import type { SelfTestStep } from "./self-test";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetInfo {
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** What the add-in made this sheet for ("report", "results" …), null for the user's sheets. */
  owned: string | null;
  rows: number;
  cols: number;
}

export interface WorkbookRead {
  input: WorkbookInput;
  /** Every sheet, the add-in's own included, in tab order. */
  sheets: SheetInfo[];
  cells: number;
  /** Round trips to the host (Excel's syncs, WPS's calls). */
  syncs: number;
  /** The workbook counts days from 1904 (its dates were converted); null where the host could not tell. */
  date1904?: boolean | null;
  /** What the reading could not do as usual, for the pane's status. */
  notes?: Said[];
}

export interface ReadRequest {
  signal?: Signal;
  onProgress?: Progress;
}

export interface Written {
  name: string;
  /** True when a user's sheet held the wanted name. */
  renamed: boolean;
  replaced: boolean;
}

export interface MarkResult {
  marked: number;
  /** Protected sheets whose cells were left unmarked, with how many. */
  protectedSheets: { sheet: string; cells: number }[];
}

export interface LiveUpdate {
  outcome: LiveOutcome;
  read: WorkbookRead;
  /** Milliseconds from the re-check's start (after the pause) to marks and findings updated. */
  ms: number;
  /** When everything was last read and checked in full. */
  fullAt: Date;
}

export interface LiveListener {
  onUpdate(u: LiveUpdate): void;
  onError(e: unknown): void;
}

export interface LiveSession {
  stop(): void;
}

/** Cells of a sheet whose KH formulas show #NAME? (never computed: the add-in was not loaded when they were entered). */
export interface Uncomputed {
  sheet: string;
  cells: string[];
}

/** The spreadsheet open in the host. The add-in never writes over a user's cell: its sheets are its own. */
export interface OpenWorkbook {
  read(request?: ReadRequest): Promise<WorkbookRead>;
  /** Sheets of the add-in's own, replacing its earlier ones of the same kind; a user's sheet is never touched. */
  writeTables(tables: Table[]): Promise<Written[]>;
  /**
   * The template: its sheets into this workbook when it has none of them (Excel), or — where the host
   * opens files better than it builds sheets (WPS) — a new workbook file, whose path is returned.
   */
  writeTemplate(template: Template): Promise<{ path: string } | null>;
  /** Reversible marks on the findings' cells (the host remembers them for clearMarks and 边填边查). */
  mark(findings: Finding[], sheets: SheetInfo[]): Promise<MarkResult>;
  clearMarks(): Promise<number>;
  /** Activates the sheet and selects the cell, or says why it cannot. */
  select(sheet: string, cell: string): Promise<Said | null>;
  /** 边填边查 over the last full reading: edits re-check their units (engine/live.ts). */
  startLive(check: LiveCheck, read: WorkbookRead, listener: LiveListener): Promise<LiveSession>;
  /**
   * Writes the same formulas again into KH cells showing #NAME?, a protected sheet unprotected and
   * protected again as it was; how many were re-entered. Only where custom functions can be stuck so (Excel).
   */
  reenterFormulas?(cells: Uncomputed[]): Promise<number>;
}

/** What is saved where the host keeps it (the workbook's settings in Excel and WPS; nowhere in the browser). */
export interface HostSettings {
  /** The ruleset id saved for this document, or null. */
  ruleset(): string | null;
  /** Saves the ruleset and brings the host's formulas (KH.*) along. */
  saveRuleset(id: string): Promise<void>;
  live(): boolean;
  saveLive(on: boolean): Promise<void>;
  autoOpen(): boolean;
  saveAutoOpen(on: boolean): Promise<void>;
}

/** A file chosen to be read in the page (a returned workbook). */
export interface Picked {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

/** The file writers and the ruleset-file reader, loaded on first use (their own chunks; only the app needs them). */
export interface FileTools {
  writers: typeof import("./writers");
  rulesetFile: typeof import("./ruleset-file");
}

/** Where the UI hands out the files it makes (the browser app's downloads). */
export interface FileOutput {
  save(name: string, bytes: Uint8Array): void;
  tools(): Promise<FileTools>;
}

export interface Host {
  readonly kind: "excel" | "wps" | "browser";
  environment(): Environment;
  settings: HostSettings;
  /** The open spreadsheet; null where the UI works on files only (the browser app). */
  workbook: OpenWorkbook | null;
  /** Hands the user the files the UI makes (the browser app: downloads); null where outputs go into sheets. */
  files: FileOutput | null;
  /**
   * Returned files picked in the host's own dialog (WPS), or null where the page's file input serves;
   * the dialog's answer is null too when the host turns out to have none.
   */
  pickFiles: (() => Promise<Picked[] | null>) | null;
  /** 自检: each host API the add-in uses, to call for real; null where there is no host to test (the app). */
  selfTest: (() => SelfTestStep[]) | null;
  /** A host's error in words the user can act on. */
  describeError(e: unknown): Said;
}
