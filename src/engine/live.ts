/**
 * Checking as the staff type: after one full check, an edit of some rows re-checks only the units those
 * rows belong to (before and after the edit), and re-runs the body-wide rules over the patched model.
 * The result after any sequence of edits equals a full check of the same cells (tests/live.test.ts);
 * what it cannot patch safely — a header, another sheet, merged cells, a changed formula — it checks in full.
 */
import { checkModel, sortFindings, summarize } from "./check";
import { auditModel } from "./audit/pass";
import { parseA1 } from "./model/a1";
import { buildModel } from "./model/read";
import type { CadreRow, CellRef, Model, SheetInput, TeamRow, Unit, WorkbookInput } from "./model/types";
import type { ResolvedRuleset } from "./ruleset/resolve";
import { RULES } from "./rules/index";
import type { Finding } from "./rules/types";
import { cellText, isErrorValue, unitKey } from "./text";
import { checkWorkbook, type CheckResult, type CheckWorkbookOptions } from "./workbook";

/** Rules that look across units: run over the whole (patched) model after every edit. */
const BODY_RULE_IDS = new Set(["Q02", "Q05", "D04", "A01", "A02", "A03", "A04", "A05", "A06"]);
const BODY_RULES = RULES.filter((r) => BODY_RULE_IDS.has(r.meta.id));
const UNIT_RULE_IDS = new Set(RULES.map((r) => r.meta.id).filter((id) => !BODY_RULE_IDS.has(id)));

/** One row as it now reads: 0-based sheet row, its values (and formulas when read). */
export interface RowEdit {
  sheet: string;
  row: number;
  values: unknown[];
  formulas?: (string | null)[];
}

export interface LiveOutcome {
  result: CheckResult;
  /** "units": only these units were re-checked; "full": the whole workbook, with the reason. */
  mode: "units" | "full";
  units: string[];
  reason?: string;
}

function copySheet(s: SheetInput): SheetInput {
  return { ...s, values: s.values.map((r) => [...r]), formulas: s.formulas?.map((r) => [...r]) };
}

const sameFormulas = (a: (string | null)[] | undefined, b: (string | null)[] | undefined) => {
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if ((a?.[i] ?? null) !== (b?.[i] ?? null)) return false;
  return true;
};

function position(f: Finding): CellRef | null {
  const p = f.cell ? parseA1(f.cell) : null;
  return p ? { sheet: f.sheet, r: p.row, c: p.col } : null;
}

/** Which unit each read row belongs to, per sheet. */
function rowUnits(model: Model): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const add = (sheet: string | undefined, rows: (CadreRow | TeamRow)[]) => {
    if (!sheet) return;
    const m = out.get(sheet) ?? new Map<number, string>();
    for (const row of rows) m.set(row.r, row.unitKey);
    out.set(sheet, m);
  };
  add(model.teamSheet?.name, model.teams);
  add(model.cadreSheet?.name, model.cadres);
  return out;
}

const key = (f: Finding) => JSON.stringify(f);

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function areas(sheet: SheetInput): Area[] {
  return (sheet.merges ?? []).flatMap((m) => {
    const [a, b] = m.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    return p && q ? [{ r0: p.row, c0: p.col, r1: q.row, c1: q.col }] : [];
  });
}

/**
 * Merged cells in the table that the patch cannot follow: any but a 单位 cell merged down over its
 * unit's rows (the usual layout, the unit named once for its block). Null when there is none.
 */
function mergedBelow(
  sheet: SheetInput,
  headerRow: number,
  unitCol: number | undefined,
  dataRow: (r: number) => boolean,
): string | null {
  const touchesData = (m: Area) => {
    for (let r = m.r0; r <= m.r1; r++) if (dataRow(r)) return true;
    return false;
  };
  // A merged note line under the table is no one's row; any other merge couples rows the patch would split.
  const bad = areas(sheet).find((m) => m.r1 > headerRow && !(m.c0 === unitCol && m.c1 === unitCol) && touchesData(m));
  return bad ? `sheet ${sheet.name} has merged cells in its table` : null;
}

/** For each row, the row whose 单位 cell it shows: itself, or the anchor of a merged 单位 cell. */
function anchors(sheet: SheetInput, col: number | undefined): (r: number) => number {
  const list = col === undefined ? [] : areas(sheet).filter((m) => m.c0 === col && m.c1 === col);
  if (!list.length) return (r) => r;
  const map = new Map<number, number>();
  for (const m of list) for (let r = m.r0; r <= m.r1; r++) map.set(r, m.r0);
  return (r) => map.get(r) ?? r;
}

/** A row's unit as the reader keys it; null when unsure (an error value). */
function rowUnitKey(
  sheet: SheetInput,
  r: number,
  col: number | undefined,
  anchor = anchors(sheet, col),
): string | null {
  if (col === undefined) return ""; // no 单位 column: one unit of everyone
  const v = sheet.values[anchor(r)]?.[col];
  return isErrorValue(v) ? null : unitKey(cellText(v));
}

export class LiveCheck {
  private input: WorkbookInput;
  private current!: CheckResult;
  private units = new Map<string, Map<number, string>>();
  /** The findings of the body-wide rules, and all the others: the result is both, sorted. */
  private body: Finding[] = [];
  private local: Finding[] = [];

  constructor(
    input: WorkbookInput,
    private readonly ruleset: ResolvedRuleset,
    private readonly options: CheckWorkbookOptions = {},
  ) {
    this.input = { ...input, sheets: input.sheets.map(copySheet) };
    this.full();
  }

  get result(): CheckResult {
    return this.current;
  }

  /** The cells as they now read (the caller's matrices are never changed). */
  get workbook(): WorkbookInput {
    return this.input;
  }

  /** Everything read again, as after a paste of a whole sheet or an inserted row. */
  full(input?: WorkbookInput, reason = "full"): LiveOutcome {
    if (input) this.input = { ...input, sheets: input.sheets.map(copySheet) };
    this.current = checkWorkbook(this.input, this.ruleset, this.options);
    const model = this.current.model;
    this.units = rowUnits(model);
    this.body = this.current.problem ? [] : checkModel(model, this.ruleset, BODY_RULES, BODY_ONLY);
    const bodyKeys = new Map<string, number>();
    for (const f of this.body) bodyKeys.set(key(f), (bodyKeys.get(key(f)) ?? 0) + 1);
    this.local = this.current.findings.filter((f) => {
      const n = bodyKeys.get(key(f)) ?? 0;
      if (n) bodyKeys.set(key(f), n - 1);
      return n === 0;
    });
    return { result: this.current, mode: "full", units: [], reason };
  }

  edit(edits: RowEdit[]): LiveOutcome {
    const model = this.current.model;
    const layouts = [model.cadreSheet, model.teamSheet].filter((s) => s !== null);
    const affected = new Set<string>();
    let why: string | null = this.current.problem ? "no appraisal sheet" : null;
    const written: { sheet: SheetInput; row: number; unitCol: number | undefined }[] = [];
    for (const e of edits) {
      const sheet = this.input.sheets.find((s) => s.name === e.sheet);
      if (!sheet) {
        why ??= `sheet ${e.sheet} is new`;
        continue;
      }
      const layout = layouts.find((l) => l.name === e.sheet);
      if (!layout) why ??= `sheet ${e.sheet} is not an appraisal table`;
      else if (e.row <= layout.headerRow) why ??= `row ${e.row + 1} is in the header`;
      else {
        const rows = this.units.get(e.sheet);
        why ??= mergedBelow(sheet, layout.headerRow, layout.cols.unit, (r) => r === e.row || Boolean(rows?.has(r)));
      }
      if (!sameFormulas(sheet.formulas?.[e.row], e.formulas)) why ??= `a formula changed in row ${e.row + 1}`;
      const before = this.units.get(e.sheet)?.get(e.row);
      if (before !== undefined) affected.add(before);
      // The rows a merged 单位 cell covers follow its anchor: their units before the edit count too.
      if (layout) {
        for (const m of areas(sheet).filter((a) => a.r0 === e.row && a.c0 === layout.cols.unit)) {
          for (let r = m.r0; r <= m.r1; r++) {
            const u = this.units.get(e.sheet)?.get(r);
            if (u !== undefined) affected.add(u);
          }
        }
        written.push({ sheet, row: e.row, unitCol: layout.cols.unit });
      }
      while (sheet.values.length <= e.row) sheet.values.push([]);
      sheet.values[e.row] = [...e.values];
      if (sheet.formulas) {
        while (sheet.formulas.length <= e.row) sheet.formulas.push([]);
        sheet.formulas[e.row] = e.formulas ? [...e.formulas] : [];
      }
    }
    for (const w of written) {
      const k = rowUnitKey(w.sheet, w.row, w.unitCol);
      if (k === null) why ??= `an error value in the 单位 cell of row ${w.row + 1}`;
      else affected.add(k);
    }
    // Matching against the record of past years looks at every name in the workbook (a name in two units).
    if (this.options.record) why ??= "history from the record";
    if (why) return this.full(undefined, why);
    return this.recheck(affected);
  }

  /** Re-checks the affected units on a workbook of their rows alone, then the body-wide rules. */
  private recheck(affected: Set<string>): LiveOutcome {
    const old = this.current.model;
    const layoutOf = (name: string) => [old.cadreSheet, old.teamSheet].find((l) => l?.name === name) ?? null;
    const anchorBySheet = new Map(
      this.input.sheets.map((sh) => [sh.name, anchors(sh, layoutOf(sh.name)?.cols.unit)] as const),
    );
    /** A data row of a re-checked unit: the partial workbook holds it, so its old findings go. */
    const inPart = (sheet: SheetInput, r: number) => {
      const layout = layoutOf(sheet.name);
      if (!layout || r <= layout.headerRow) return false;
      const k = rowUnitKey(sheet, r, layout.cols.unit, anchorBySheet.get(sheet.name));
      return k !== null && affected.has(k);
    };
    const keep = (sheet: SheetInput): SheetInput => {
      const layout = layoutOf(sheet.name);
      if (!layout) return sheet;
      const mine = (r: number) => r <= layout.headerRow || inPart(sheet, r);
      return {
        ...sheet,
        values: sheet.values.map((row, r) => (mine(r) ? row : [])),
        formulas: sheet.formulas?.map((row, r) => (mine(r) ? row : [])),
      };
    };
    const part = buildModel({ ...this.input, sheets: this.input.sheets.map(keep) }, this.ruleset);
    const unitFindings = checkModel(part, this.ruleset, RULES, UNIT_ONLY);

    const model = patch(old, part, affected, this.input);
    auditModel(model, this.input.sheets, this.ruleset, this.options.templateFormulas);
    this.body = checkModel(model, this.ruleset, BODY_RULES, BODY_ONLY);

    const sheets = new Map(this.input.sheets.map((s) => [s.name, s]));
    this.local = [
      ...this.local.filter((f) => {
        const p = position(f);
        const sheet = p && sheets.get(p.sheet);
        return !sheet || !inPart(sheet, p.r);
      }),
      ...unitFindings,
    ];
    const findings = [...this.local, ...this.body];
    sortFindings(findings, model.sheetOrder, new Map(findings.map((f) => [f, position(f)])));
    this.current = { model, ruleset: this.ruleset, findings, summary: summarize(model, findings) };
    this.units = rowUnits(model);
    const names = [...affected].map((k) => part.unitByKey.get(k)?.name ?? old.unitByKey.get(k)?.name ?? k);
    return { result: this.current, mode: "units", units: names };
  }
}

const BODY_ONLY = { only: BODY_RULE_IDS, reportMissingColumns: false };
const UNIT_ONLY = { only: UNIT_RULE_IDS, reportMissingColumns: false };

/** The old model with the re-checked units' rows and units taken from the partial one. */
function patch(old: Model, part: Model, affected: Set<string>, input: WorkbookInput): Model {
  const byRow = <T extends { r: number; unitKey: string }>(a: T[], b: T[]) =>
    [...a.filter((x) => !affected.has(x.unitKey)), ...b].sort((x, y) => x.r - y.r);
  const cadres = byRow(old.cadres, part.cadres);
  const teams = byRow(old.teams, part.teams);
  const fresh = new Map(part.units.map((u) => [u.key, u]));
  const units: Unit[] = [];
  for (const u of old.units) {
    if (!affected.has(u.key)) units.push(u);
    else if (fresh.has(u.key)) units.push(fresh.get(u.key)!);
  }
  for (const u of part.units) if (!old.unitByKey.has(u.key)) units.push(u);
  const cells = new Map(old.cells);
  for (const s of input.sheets) if (cells.has(s.name)) cells.set(s.name, { values: s.values, formulas: s.formulas });
  return {
    ...old,
    cadres,
    teams,
    units,
    unitByKey: new Map(units.map((u) => [u.key, u])),
    cells,
    carried: null,
    audit: [],
  };
}
