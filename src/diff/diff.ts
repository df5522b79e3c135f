/**
 * A resubmission compared with the first submission (issue 21, item 2): per person the fields that
 * changed, people added and removed (renamed or moved said as such), per unit the team's fields, and each
 * finding fixed, still there or new. A change is "asked" when the first submission had a finding on that
 * person's row, or on the whole unit (then not for who the row is: unit, name, ID); the others — cells
 * nobody asked to change — are counted apart.
 */
import { cellText, parseA1, unitKey, type CadreRow, type CheckResult, type TeamRow } from "../engine";
import { cadreFields, cellOf, teamFields, type Field } from "./fields";
import { compareFindings, type FindingChange } from "./findings";
import { pairPeople } from "./pairs";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  /** sheet!A1 on each side. */
  beforeCell: string;
  afterCell: string;
  asked: boolean;
}

export interface PersonChange {
  change: "changed" | "added" | "removed";
  unit: string;
  person: string;
  idNumber: string;
  /** The row's 姓名 cell (sheet!A1) on each side where it is there. */
  before: string | null;
  after: string | null;
  by: "id" | "name" | null;
  renamed: { from: string; to: string } | null;
  moved: { from: string; to: string } | null;
  /** Added or removed, while the same name is added or removed in these other units: perhaps moved, not paired. */
  elsewhere: string[];
  fields: FieldChange[];
}

export interface TeamChange {
  change: "changed" | "added" | "removed";
  unit: string;
  fields: FieldChange[];
}

export interface DiffSummary {
  changed: number;
  fields: number;
  unasked: number;
  added: number;
  removed: number;
  renamed: number;
  moved: number;
  fixed: number;
  still: number;
  new: number;
}

export interface Diff {
  people: PersonChange[];
  teams: TeamChange[];
  columns: { added: string[]; removed: string[] };
  findings: FindingChange[];
  summary: DiffSummary;
}

/** Rows and units the first submission's findings pointed at: what the unit was asked to change. */
function asked(result: CheckResult): { rows: Map<string, Set<number>>; units: Set<string> } {
  const rows = new Map<string, Set<number>>();
  const units = new Set<string>();
  for (const f of result.findings) {
    const at = f.cell ? parseA1(f.cell) : null;
    if (f.person === undefined && f.unit !== undefined) units.add(unitKey(f.unit));
    if (!at || !f.sheet) continue;
    let set = rows.get(f.sheet);
    if (!set) rows.set(f.sheet, (set = new Set()));
    set.add(at.row);
  }
  return { rows, units };
}

/** Who a row is: a finding about its unit as a whole never asks for these to change. */
const IDENTITY = new Set(["col:unit", "col:name", "col:idNumber"]);

function changes(
  b: { result: CheckResult; sheet: string; r: number },
  a: { result: CheckResult; sheet: string; r: number },
  shared: [Field, Field][],
  ask: { row: boolean; unit: boolean },
): FieldChange[] {
  // Cell by cell, building nothing for the rows that did not change (most of them).
  const bRow = b.result.model.cells.get(b.sheet)?.values[b.r] ?? [];
  const aRow = a.result.model.cells.get(a.sheet)?.values[a.r] ?? [];
  let out: FieldChange[] | null = null;
  for (const [fb, fa] of shared) {
    const before = cellText(bRow[fb.col]);
    const after = cellText(aRow[fa.col]);
    if (before === after) continue;
    (out ??= []).push({
      field: fa.label,
      before,
      after,
      beforeCell: cellOf(b.sheet, b.r, fb.col),
      afterCell: cellOf(a.sheet, a.r, fa.col),
      asked: ask.row || (ask.unit && !IDENTITY.has(fa.key)),
    });
  }
  return out ?? NONE;
}

const NONE: FieldChange[] = [];

/** Fields on both sides, by key; and the labels of those on one side only. */
function share(before: Field[], after: Field[]): { shared: [Field, Field][]; added: string[]; removed: string[] } {
  const b = new Map(before.map((f) => [f.key, f]));
  const a = new Map(after.map((f) => [f.key, f]));
  return {
    shared: after.filter((f) => b.has(f.key)).map((f) => [b.get(f.key)!, f]),
    added: after.filter((f) => !b.has(f.key)).map((f) => f.label),
    removed: before.filter((f) => !a.has(f.key)).map((f) => f.label),
  };
}

function personOnly(p: CadreRow, sheet: string, nameCol: number, side: "before" | "after", elsewhere: string[]) {
  const cell = cellOf(sheet, p.r, nameCol);
  return {
    change: side === "before" ? ("removed" as const) : ("added" as const),
    unit: p.unit,
    person: p.name,
    idNumber: p.idNumber,
    before: side === "before" ? cell : null,
    after: side === "after" ? cell : null,
    by: null,
    renamed: null,
    moved: null,
    elsewhere,
    fields: [],
  };
}

function diffTeams(before: CheckResult, after: CheckResult, ask: ReturnType<typeof asked>): TeamChange[] {
  const bm = before.model;
  const am = after.model;
  if (!bm.teamSheet || !am.teamSheet) return [];
  const { shared } = share(teamFields(bm), teamFields(am));
  const first = (rows: TeamRow[]) => {
    const m = new Map<string, TeamRow>();
    for (const t of rows) if (!m.has(t.unitKey)) m.set(t.unitKey, t);
    return m;
  };
  const bt = first(bm.teams);
  const at = first(am.teams);
  const out: TeamChange[] = [];
  for (const [k, t] of at) {
    const b = bt.get(k);
    if (!b) {
      out.push({ change: "added", unit: t.unit, fields: [] });
      continue;
    }
    const fields = changes(
      { result: before, sheet: bm.teamSheet.name, r: b.r },
      { result: after, sheet: am.teamSheet.name, r: t.r },
      shared,
      { row: Boolean(ask.rows.get(bm.teamSheet.name)?.has(b.r)), unit: ask.units.has(k) },
    );
    if (fields.length) out.push({ change: "changed", unit: t.unit, fields });
  }
  for (const [k, b] of bt) if (!at.has(k)) out.push({ change: "removed", unit: b.unit, fields: [] });
  return out;
}

export function diffResults(before: CheckResult, after: CheckResult): Diff {
  const bm = before.model;
  const am = after.model;
  const pairing = pairPeople(bm.cadres, am.cadres);
  const cadres = share(cadreFields(bm), cadreFields(am));
  const ask = asked(before);
  const people: PersonChange[] = [];
  const bs = bm.cadreSheet;
  const as = am.cadreSheet;
  if (bs && as) {
    for (const { before: b, after: a, by } of pairing.pairs) {
      const fields = changes(
        { result: before, sheet: bs.name, r: b.r },
        { result: after, sheet: as.name, r: a.r },
        cadres.shared,
        { row: Boolean(ask.rows.get(bs.name)?.has(b.r)), unit: ask.units.has(b.unitKey) },
      );
      const renamed = b.name !== a.name ? { from: b.name, to: a.name } : null;
      const moved = b.unitKey !== a.unitKey ? { from: b.unit, to: a.unit } : null;
      if (!fields.length && !renamed && !moved) continue;
      people.push({
        change: "changed",
        unit: a.unit,
        person: a.name,
        idNumber: a.idNumber,
        before: cellOf(bs.name, b.r, bs.cols.name ?? 0),
        after: cellOf(as.name, a.r, as.cols.name ?? 0),
        by,
        renamed,
        moved,
        elsewhere: [],
        fields,
      });
    }
    for (const p of pairing.added)
      people.push(personOnly(p, as.name, as.cols.name ?? 0, "after", pairing.elsewhere.get(p) ?? []));
    for (const p of pairing.removed)
      people.push(personOnly(p, bs.name, bs.cols.name ?? 0, "before", pairing.elsewhere.get(p) ?? []));
  }
  const teams = diffTeams(before, after, ask);
  const findings = compareFindings(before, after, pairing);
  const all = [...people.flatMap((p) => p.fields), ...teams.flatMap((t) => t.fields)];
  const count = (s: string) => findings.filter((f) => f.status === s).length;
  return {
    people,
    teams,
    columns: { added: cadres.added, removed: cadres.removed },
    findings,
    summary: {
      changed: people.filter((p) => p.change === "changed").length,
      fields: all.length,
      unasked: all.filter((f) => !f.asked).length,
      added: people.filter((p) => p.change === "added").length,
      removed: people.filter((p) => p.change === "removed").length,
      renamed: people.filter((p) => p.renamed).length,
      moved: people.filter((p) => p.moved).length,
      fixed: count("fixed"),
      still: count("still"),
      new: count("new"),
    },
  };
}
