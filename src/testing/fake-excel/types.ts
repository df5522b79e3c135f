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
  /** Charts added (Worksheet.charts.add): type and source address. */
  charts: { type: string; source: string; seriesBy: string }[];
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
  editMode: boolean;
  structureProtected: boolean;
  payloadLimitBytes: number;
  calculations: string[];
  /** Change-event handlers: workbook-wide (ExcelApi 1.9) and per sheet (1.7), by sheet name. */
  handlers: { workbook: ((e: FakeChangeEvent) => unknown)[]; sheets: Map<string, ((e: FakeChangeEvent) => unknown)[]> };
  /** `context.runtime.enableEvents` (ExcelApi 1.8). */
  eventsEnabled: boolean;
  /** The highest ExcelApi this fake host offers: below 1.9 no workbook-wide onChanged, below 1.14 no triggerSource. */
  excelApi: number;
  /** Events raised, for the tests. */
  events: FakeChangeEvent[];
}

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
  /** The request context of this Excel.run (an EventHandlerResult carries it, to remove the handler). */
  context?: { sync(): Promise<void> };
}
