/**
 * A workbook checked against the record (rules.md §12, H07): a blank history cell takes the record's grade,
 * a typed one the record contradicts is an issue at that cell, and the record's grade is what the H and R
 * rules then read — the record, not a unit's memory, decides past grades. A person the record does not
 * hold is said once. Nothing here depends on the order of rows.
 */
import { parseGrade, type Grade } from "../grades";
import type { Model } from "../model/types";
import { cellText, isBlank } from "../text";
import { indexPeople, matchPerson } from "./people";
import type { PastEntry, PastRecord, RecordOutcome } from "./types";

/** Entries of one person and year that agree, or all of them when they do not. */
function agreed(entries: PastEntry[]): { grade: Grade; entry: PastEntry } | { conflict: PastEntry[] } {
  const sorted = [...entries].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.grade - b.grade ||
      a.sheet.localeCompare(b.sheet) ||
      a.cell.localeCompare(b.cell, "en", { numeric: true }),
  );
  const grades = new Set(sorted.map((e) => e.grade));
  return grades.size === 1 ? { grade: sorted[0].grade, entry: sorted[0] } : { conflict: sorted };
}

export function applyRecord(model: Model, record: PastRecord): RecordOutcome {
  const out: RecordOutcome = { filled: 0, contradicted: 0, absent: 0, issues: [] };
  model.record = out;
  const year = model.year;
  if (year === null) {
    out.issues.push({ kind: "noYear" });
    return out;
  }
  const late = record.files.filter((f) => f.year >= year);
  if (late.length) out.issues.push({ kind: "notBefore", files: late });
  const years = record.years.filter((y) => y.year < year);
  if (years.length === 0) return out;
  const layout = model.cadreSheet;
  const values = layout ? model.cells.get(layout.name)?.values : undefined;
  const mine = indexPeople(model.cadres);
  const deepest = Math.max(...years.map((y) => year - y.year));
  for (const p of model.cadres) {
    let found = false;
    let nameUnits: string[] | null = null;
    if (p.history.length < deepest) p.history = [...p.history, ...new Array(deepest - p.history.length).fill(null)];
    for (const y of years) {
      const m = matchPerson(p, y.index, mine);
      if (m.by === null) {
        if (m.reason === "nameInUnits") nameUnits = m.units;
        continue;
      }
      found = true;
      const a = agreed(m.found);
      if ("conflict" in a) {
        out.issues.push({ kind: "conflict", person: p, year: y.year, entries: a.conflict });
        continue;
      }
      const back = year - y.year;
      const cols = layout?.history.filter((h) => h.back === back) ?? [];
      let typedBlank = cols.length === 0;
      for (const h of cols) {
        const v = values?.[p.r]?.[h.col];
        if (isBlank(v)) {
          typedBlank = true;
          continue;
        }
        const typed = parseGrade(cellText(v), model.scale);
        // Unreadable text is D01's (or D09's); the record's grade is still the one the rules read.
        if (!typed.ok || typed.grade === a.grade) continue;
        out.contradicted++;
        out.issues.push({
          kind: "contradicts",
          person: p,
          at: { sheet: layout!.name, r: p.r, c: h.col },
          year: y.year,
          typed: typed.grade,
          past: a.entry,
        });
      }
      if (typedBlank && p.history[back - 1] === null) out.filled++;
      p.history[back - 1] = a.grade;
    }
    if (!found) {
      out.absent++;
      out.issues.push({ kind: "absent", person: p, units: nameUnits ?? [] });
    }
  }
  return out;
}
