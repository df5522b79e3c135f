/** The fake Excel's state: what its sheets hold and what the tests read back. */

export interface FakeCellFormat {
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  /** Comma-separated A1 areas the format applies to. */
  ranges: string;
  formula: string | null;
  fill: string | null;
}

export interface FakeSheetSpec {
  name: string;
  values: unknown[][];
  /** Formula text by cell ("=B2*2"); a cell without one holds its value. */
  formulas?: Record<string, string>;
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  formats?: Record<string, FakeCellFormat>;
  conditionalFormats?: FakeConditionalFormat[];
  customProperties?: Record<string, string>;
  /** Number formats by cell ("yyyy-mm-dd", "@"); "General" elsewhere. */
  numberFormats?: Record<string, string>;
  /** Protected with a password: unprotect() without it fails. */
  password?: string;
  protectionOptions?: Record<string, unknown>;
}

export interface FakeSheet {
  /** Worksheet.id: stays when the sheet is renamed. */
  id: string;
  name: string;
  values: unknown[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  merges: string[];
  visibility: string;
  protected: boolean;
  formats: Map<string, FakeCellFormat>;
  conditionalFormats: FakeConditionalFormat[];
  customProperties: Map<string, string>;
  frozenRows: number;
  autoFilter: string | null;
  columnWidths: Map<number, number>;
  /** Cells left unlocked for a protected sheet. */
  unlocked: Set<string>;
  /** Whole columns unlocked (0-based), and the cells in them locked again. */
  unlockedColumns: Set<number>;
  lockedCells: Set<string>;
  /** Data validation by range address. */
  validations: Map<string, { rule?: unknown; errorAlert?: unknown; prompt?: unknown }>;
  /** The options the sheet was protected with. */
  protectionOptions: Record<string, unknown> | null;
  pageLayout: { orientation?: string; zoom?: unknown; printTitleRows?: string };
  /** Charts added (Worksheet.charts.add): type, source address and the cell their top-left sits on. */
  charts: FakeChart[];
  password: string | null;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  /** Top-left cell of the chart; a chart never placed sits over the top of the sheet (see worksheet.ts). */
  at: string;
}

export interface FakeWrite {
  sheet: string;
  what: string;
  address?: string;
}

export interface FakeExcelState {
  sheets: FakeSheet[];
  active: string;
  selection: { sheet: string; address: string } | null;
  syncs: number;
  writes: FakeWrite[];
  /** Bytes of loaded values per sync (JSON), to compare with the limit. */
  responseBytes: number[];
  /** Bytes of written values, formulas, formats and rules per sync (JSON), to compare with the limit. */
  requestBytes: number[];
  requestLimitBytes: number;
  editMode: boolean;
  structureProtected: boolean;
  payloadLimitBytes: number;
  calculations: string[];
  /**
   * Event handlers: change events workbook-wide (ExcelApi 1.9) and per sheet (1.7), by sheet name; rows
   * sorted (1.10) and selection changed (1.9), workbook-wide.
   */
  handlers: {
    workbook: Handler[];
    sheets: Map<string, Handler[]>;
    sorted: Handler[];
    selection: Handler[];
  };
  /** `context.runtime.enableEvents` (ExcelApi 1.8). */
  eventsEnabled: boolean;
  /** The highest ExcelApi this fake host offers: below 1.9 no workbook-wide onChanged, below 1.14 no triggerSource. */
  excelApi: number;
  /** Events raised, for the tests. */
  events: FakeChangeEvent[];
  /** Excel on the web (Office.context.diagnostics.platform "OfficeOnline"): see FakeExcel.pick. */
  web: boolean;
  /** The workbook's date system; null: a host whose worksheet functions give an error (see functions.ts). */
  date1904: boolean | null;
  /** Batches that waited for cell editing to end (delayForCellEdit). */
  delayed: number;
}

export type Handler = (e: FakeEvent) => unknown;

/** What Office.js gives a handler of rows sorted or of a selection changed. */
export interface FakeSheetEvent {
  type: "WorksheetRowSorted" | "WorksheetSelectionChanged";
  worksheetId: string;
  address: string;
  source: "Local" | "Remote";
}

export type FakeEvent = FakeChangeEvent | FakeSheetEvent;

/** What Office.js gives a WorksheetChanged handler (`details` only for a single cell). */
export interface FakeChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  triggerSource?: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: unknown; valueAfter: unknown };
}

export type Op = () => void;

export interface Ctx {
  queue: Op[];
  state: FakeExcelState;
  batchBytes: number;
  /** Bytes this batch sends (values, formulas, formats, rules), counted as they are queued. */
  requestBytes: number;
  /** The request context of this Excel.run (an EventHandlerResult carries it, to remove the handler). */
  context?: { sync(): Promise<void> };
}
