/// <reference types="et-jsapi-declare" />
/** The fake WPS's state: what its sheets hold and what the tests read back. Self-contained (page-bundle.ts). */

export interface FakeWpsFormat {
  /** Interior.Color as WPS encodes it: red + green·256 + blue·65536. */
  color?: number;
  bold?: boolean;
}

export interface FakeWpsCondition {
  id: number;
  /** XlFormatConditionType: 2 expression, 4 data bar. */
  type: number;
  /** Comma-separated A1 areas. */
  ranges: string;
  formula1: string;
  color: number | null;
}

export interface FakeWpsSheetSpec {
  name: string;
  values: unknown[][];
  formulas?: Record<string, string>;
  merges?: string[];
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  visible?: number;
  protected?: boolean;
  formats?: Record<string, FakeWpsFormat>;
  conditions?: Omit<FakeWpsCondition, "id">[];
  customProperties?: Record<string, string>;
}

export interface FakeWpsSheet {
  name: string;
  values: unknown[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  merges: string[];
  visible: number;
  protected: boolean;
  formats: Map<string, FakeWpsFormat>;
  conditions: FakeWpsCondition[];
  customProperties: Map<string, string>;
  columnWidths: Map<number, number>;
  autoFilter: string | null;
}

export interface FakeWpsOptions {
  /** The page's user agent version (WpsOfficeApp/…), as WPS 12.1 reports it. */
  version?: string;
  /** A WPS older than custom functions (no AddCustomFunction). */
  noCustomFunctions?: boolean;
  /** Files the fake's file dialog picks, and the bytes it reads for them. */
  files?: Record<string, number[]>;
}

export interface FakeWpsState {
  sheets: FakeWpsSheet[];
  active: string;
  selection: { sheet: string; address: string } | null;
  enableEvents: boolean;
  displayAlerts: boolean;
  /** Sheet deletions that would have asked the user (DisplayAlerts on). */
  prompts: number;
  protectStructure: boolean;
  documentProperties: Map<string, string>;
  calculations: number;
  /** Every property read or method looked up on an ET object: the "host calls" of the benchmark. */
  calls: number;
  handlers: Map<string, ((...args: unknown[]) => unknown)[]>;
  events: { name: string; sheet: string; address: string }[];
  functions: { namespace: string; name: string; meta: unknown }[];
  files: Map<string, Uint8Array>;
  opened: string[];
  dialogPicks: string[];
  pluginStorage: Map<string, string>;
  /** Task panes made (CreateTaskPane): their page and whether shown. */
  panes: { id: number; url: string; visible: boolean }[];
  nextId: number;
}

export function richError(message: string): Error {
  return new Error(message);
}

/** Counts every read of an ET member (they are PascalCase: Value2, Address, Count…) of a fake object. */
export function counted<T extends object>(state: FakeWpsState, target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === "string" && /^[A-Z]/.test(key)) state.calls++;
      return Reflect.get(obj, key, receiver);
    },
  });
}
