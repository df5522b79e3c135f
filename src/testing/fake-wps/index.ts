/**
 * A fake WPS 表格 for the tests, the benchmark and the pane page in headless Chromium (there is no WPS
 * here): the ET object model as the WPS host uses it, each member typed by et-jsapi-declare, synchronous
 * as WPS is; Value2 scalar for one cell and rows for a block; colours as WPS encodes them; SheetChange
 * raised after the user's edits (never while EnableEvents is off); every call counted.
 * Split by the objects it fakes; testing/page-bundle.ts joins the files for the page.
 */
import { absolute, parseBox } from "./address";
import {
  counted,
  richError,
  type FakeWpsOptions,
  type FakeWpsSheet,
  type FakeWpsSheetSpec,
  type FakeWpsState,
} from "./state";
import { FakeWpsWorksheet, type WorksheetSurface } from "./worksheet";

export type * from "./state";

export interface FakeWps {
  state: FakeWpsState;
  /** The object to install as the global `Application` (and `wps`). */
  app: unknown;
  /** The user types (or pastes) values at a cell or block: SheetChange is raised with its Target. */
  type(sheet: string, at: string, values: unknown[][]): void;
  /** The user inserts `count` rows before 0-based row `at` (SheetChange on whole rows). */
  insertRows(sheet: string, at: number, count: number): void;
}

function makeSheet(spec: FakeWpsSheetSpec, state: FakeWpsState): FakeWpsSheet {
  return {
    name: spec.name,
    values: spec.values.map((r) => (r ? [...r] : [])),
    formulas: new Map(Object.entries(spec.formulas ?? {})),
    numberFormats: new Map(),
    merges: [...(spec.merges ?? [])],
    visible: spec.visible ?? -1,
    protected: spec.protected ?? false,
    formats: new Map(Object.entries(spec.formats ?? {}).map(([k, v]) => [k, { ...v }])),
    conditions: (spec.conditions ?? []).map((c) => ({ ...c, id: state.nextId++ })),
    customProperties: new Map(Object.entries(spec.customProperties ?? {})),
    columnWidths: new Map(),
    autoFilter: null,
  };
}

export function createFakeWps(specs: FakeWpsSheetSpec[], options: FakeWpsOptions = {}): FakeWps {
  const state: FakeWpsState = {
    sheets: [],
    active: "",
    selection: null,
    enableEvents: true,
    displayAlerts: true,
    prompts: 0,
    protectStructure: false,
    documentProperties: new Map(),
    calculations: 0,
    calls: 0,
    handlers: new Map(),
    events: [],
    functions: [],
    files: new Map(Object.entries(options.files ?? {}).map(([p, b]) => [p, new Uint8Array(b)])),
    opened: [],
    dialogPicks: Object.keys(options.files ?? {}),
    pluginStorage: new Map(),
    panes: [],
    nextId: 1,
  };
  state.sheets = specs.map((s) => makeSheet(s, state));
  state.active = state.sheets.find((s) => s.visible === -1)?.name ?? "";

  /** SheetChange, after the current call returns (as a host event), unless events are off. */
  const raise = (sheet: FakeWpsSheet, address: string) => {
    if (!state.enableEvents) return;
    state.events.push({ name: "SheetChange", sheet: sheet.name, address });
    const target = counted(state, { Address: () => address });
    for (const h of state.handlers.get("SheetChange") ?? []) setTimeout(() => void h(worksheet(sheet), target), 0);
  };
  const worksheet = (s: FakeWpsSheet): WorksheetSurface => counted(state, new FakeWpsWorksheet(state, s, raise));
  const find = (index: number | string): FakeWpsSheet => {
    const s = typeof index === "number" ? state.sheets[index - 1] : state.sheets.find((x) => x.name === index);
    if (!s) throw richError(`no sheet ${index}`);
    return s;
  };

  const sheets = counted(state, {
    get Count(): Et.Sheets["Count"] {
      return state.sheets.length;
    },
    Item: (index: number | string) => worksheet(find(index)),
    Add: (before?: WorksheetSurface, after?: WorksheetSurface) => {
      if (state.protectStructure) throw richError("workbook structure is protected");
      let n = state.sheets.length + 1;
      while (state.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      const made = makeSheet({ name: `Sheet${n}`, values: [] }, state);
      const anchor = (after ?? before) as FakeWpsWorksheet | undefined;
      const at = anchor ? state.sheets.indexOf(anchor.sheet) + (after ? 1 : 0) : state.sheets.length;
      state.sheets.splice(at, 0, made);
      state.active = made.name;
      return worksheet(made);
    },
  });
  const properties = counted(state, {
    get Count(): Kso.DocumentProperties["Count"] {
      return state.documentProperties.size;
    },
    Item: (i: number | string) => {
      const name = typeof i === "number" ? [...state.documentProperties.keys()][i - 1] : i;
      if (name === undefined || !state.documentProperties.has(name)) throw richError(`no document property ${i}`);
      return counted(state, {
        Name: name,
        get Value() {
          return state.documentProperties.get(name)!;
        },
        set Value(v: string) {
          state.documentProperties.set(name, String(v));
        },
        Delete: () => void state.documentProperties.delete(name),
      });
    },
    Add: (name: string, _link: boolean, _type: number, value: string) => {
      state.documentProperties.set(name, String(value));
    },
  });
  const workbook = counted(state, {
    get ProtectStructure(): Et.Workbook["ProtectStructure"] {
      return state.protectStructure;
    },
    CustomDocumentProperties: properties,
    get Worksheets() {
      return sheets;
    },
  });
  const dialog = () => {
    const filters: string[] = [];
    return counted(state, {
      AllowMultiSelect: false,
      Title: "",
      Filters: {
        Clear: () => void (filters.length = 0),
        Add: (d: string, e: string) => void filters.push(`${d}|${e}`),
      },
      Show: () => (state.dialogPicks.length ? -1 : 0),
      SelectedItems: {
        get Count() {
          return state.dialogPicks.length;
        },
        Item: (i: number) => state.dialogPicks[i - 1],
      },
    });
  };
  const app = counted(state, {
    get Worksheets() {
      return sheets;
    },
    get ActiveWorkbook() {
      return workbook;
    },
    get EnableEvents(): Et.Application["EnableEvents"] {
      return state.enableEvents;
    },
    set EnableEvents(on: boolean) {
      state.enableEvents = on;
    },
    get DisplayAlerts(): Et.Application["DisplayAlerts"] {
      return state.displayAlerts;
    },
    set DisplayAlerts(on: boolean) {
      state.displayAlerts = on;
    },
    Version: (options.version ?? "12.1.0.20540").split(".").slice(0, 2).join("."),
    Build: Number((options.version ?? "12.1.0.20540").split(".").pop()),
    Calculate: () => void state.calculations++,
    ApiEvent: {
      AddApiEventListener: (name: string, fn: (...args: unknown[]) => unknown) =>
        state.handlers.set(name, [...(state.handlers.get(name) ?? []), fn]),
      RemoveApiEventListener: (name: string, fn?: (...args: unknown[]) => unknown) =>
        state.handlers.set(name, fn ? (state.handlers.get(name) ?? []).filter((h) => h !== fn) : []),
    },
    FileDialog: () => dialog(),
    FileSystem: {
      Exists: (path: string) => state.files.has(path),
      ReadFileAsArrayBuffer: (path: string) => {
        const b = state.files.get(path);
        if (!b) throw richError(`no file ${path}`);
        return b.slice().buffer;
      },
      writeAsBinaryString: (path: string, data: string) => {
        state.files.set(
          path,
          Uint8Array.from(data, (ch) => ch.charCodeAt(0)),
        );
        return true;
      },
    },
    Env: { GetDownloadPath: () => "/home/kaohe/下载" },
    Workbooks: { Open: (path: string) => void state.opened.push(path) },
    PluginStorage: {
      getItem: (k: string) => state.pluginStorage.get(k) ?? null,
      setItem: (k: string, v: unknown) => void state.pluginStorage.set(k, String(v)),
      removeItem: (k: string) => void state.pluginStorage.delete(k),
    },
    CreateTaskPane: (url: string) => {
      const pane = { id: state.nextId++, url, visible: false };
      state.panes.push(pane);
      return {
        get ID() {
          return pane.id;
        },
        set Visible(v: boolean) {
          pane.visible = v;
        },
      };
    },
    GetTaskPane: (id: number) => {
      const pane = state.panes.find((p) => p.id === id);
      if (!pane) throw richError(`no task pane ${id}`);
      return {
        set Visible(v: boolean) {
          pane.visible = v;
        },
      };
    },
    ...(options.noCustomFunctions
      ? {}
      : {
          AddCustomFunction: (namespace: string, name: string, _fn: unknown, meta?: unknown) =>
            void state.functions.push({ namespace, name, meta }),
        }),
  });

  const type = (name: string, at: string, values: unknown[][]) => {
    const s = find(name);
    const b = parseBox(at);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = b.r0 + i;
        while (s.values.length <= r) s.values.push([]);
        s.values[r][b.c0 + j] = v;
      }),
    );
    const box = {
      r0: b.r0,
      c0: b.c0,
      r1: b.r0 + values.length - 1,
      c1: b.c0 + Math.max(...values.map((r) => r.length)) - 1,
    };
    raise(s, absolute(box));
  };
  const insertRows = (name: string, at: number, count: number) => {
    const s = find(name);
    s.values.splice(at, 0, ...Array.from({ length: count }, () => []));
    raise(s, `$${at + 1}:$${at + count}`);
  };
  return { state, app, type, insertRows };
}
