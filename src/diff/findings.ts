/**
 * The first submission's findings against the resubmission's: a finding is the same when it is the same
 * rule about the same person (as paired, wherever the row moved) or unit, in the same field — its words may
 * differ (a count went down). Each is fixed (gone), still there, or new.
 */
import { parseA1, unitKey, type CadreRow, type CheckResult, type Finding } from "../engine";
import { cadreFields, teamFields } from "./fields";
import type { Pairing } from "./pairs";

export type FindingStatus = "fixed" | "still" | "new";

export interface FindingChange {
  status: FindingStatus;
  /** The resubmission's finding (still, new) or the first one's (fixed). */
  finding: Finding;
}

function keyer(result: CheckResult, who: Map<CadreRow, string>): (f: Finding) => string {
  const m = result.model;
  const cadreRows = new Map(m.cadres.map((p) => [p.r, p]));
  const byCol = (fields: { key: string; col: number }[]) => new Map(fields.map((x) => [x.col, x.key]));
  const cadreCol = byCol(cadreFields(m));
  const teamCol = byCol(teamFields(m));
  return (f) => {
    const at = f.cell ? parseA1(f.cell) : null;
    let person = "";
    let field = at ? `c${at.col}` : "";
    if (at && f.sheet === m.cadreSheet?.name) {
      const p = cadreRows.get(at.row);
      if (p) person = who.get(p) ?? "";
      field = cadreCol.get(at.col) ?? field;
    } else if (at && f.sheet === m.teamSheet?.name) field = teamCol.get(at.col) ?? field;
    const unit = f.unit !== undefined ? unitKey(f.unit) : "";
    // Whole-workbook findings have no place: their words are all there is to tell them apart.
    const words = f.sheet === "" || f.sheet === "规则" ? f.message : "";
    return [f.rule, person || `u:${unit}`, field, words].join("\u0000");
  };
}

export function compareFindings(before: CheckResult, after: CheckResult, pairing: Pairing): FindingChange[] {
  const whoBefore = new Map<CadreRow, string>();
  const whoAfter = new Map<CadreRow, string>();
  pairing.pairs.forEach((p, i) => {
    whoBefore.set(p.before, `p${i}`);
    whoAfter.set(p.after, `p${i}`);
  });
  pairing.removed.forEach((p) => whoBefore.set(p, `old${p.r}`));
  pairing.added.forEach((p) => whoAfter.set(p, `new${p.r}`));
  const keyBefore = keyer(before, whoBefore);
  const keyAfter = keyer(after, whoAfter);
  const open = new Map<string, Finding[]>();
  for (const f of before.findings) {
    const k = keyBefore(f);
    const list = open.get(k);
    if (list) list.push(f);
    else open.set(k, [f]);
  }
  const out: FindingChange[] = [];
  for (const f of after.findings) {
    const list = open.get(keyAfter(f));
    out.push({ status: list?.shift() ? "still" : "new", finding: f });
  }
  const left = new Set([...open.values()].flat());
  const fixed = before.findings.filter((f) => left.has(f)).map((f) => ({ status: "fixed" as const, finding: f }));
  const order: Record<FindingStatus, number> = { fixed: 0, still: 1, new: 2 };
  return [...fixed, ...out].sort((a, b) => order[a.status] - order[b.status]);
}
