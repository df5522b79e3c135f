/**
 * One cadre's row checked on its own, for `KH.CHECK` and `KH.ALLOWEDGRADES`: the row is laid out as
 * a one-row sheet and read and checked by the very same model and rule modules as a whole workbook.
 */
import { checkModel } from "./check";
import { D01, D06 } from "./rules/data";
import { E01, E02, E03, E05 } from "./rules/eligibility";
import { L01, L02, L03, L04 } from "./rules/links";
import { acceptedLabels } from "./grades";
import type { CadreCol } from "./model/columns";
import { CADRE_LABELS } from "./model/labels";
import { readCadreRow, RowReader, sanctionIndex } from "./model/row-reader";
import type { Model, Unit } from "./model/types";
import { newUnit } from "./model/unit";
import type { ResolvedRuleset } from "./ruleset/resolve";
import { teamScaleOf } from "./ruleset/types";
import type { Finding } from "./rules/types";

export interface RowArgs {
  teamGrade?: unknown;
  grade?: unknown;
  principal?: unknown;
  sanction?: unknown;
  political?: unknown;
  regularScore?: unknown;
  faultTolerated?: unknown;
}

/** Rules that can be decided from one row; unit-level and history rules need the whole sheet. */
const ROW_MODULES = [D01, D06, L01, L02, L03, L04, E01, E02, E03, E05];
export const ROW_RULES: ReadonlySet<string> = new Set(ROW_MODULES.map((r) => r.meta.id));
/** The one-row rules a worksheet formula can state (the native template's 提示): all but the data checks. */
export const HINT_RULE_IDS: ReadonlySet<string> = new Set([...ROW_RULES].filter((id) => !id.startsWith("D")));

/** Each argument as the column it would be on a cadre sheet (messages name its standard header). */
const COLUMNS: [keyof RowArgs, CadreCol][] = [
  ["teamGrade", "teamGrade"],
  ["grade", "grade"],
  ["principal", "principal"],
  ["sanction", "sanction"],
  ["political", "politicalQuality"],
  ["regularScore", "regularScore"],
  ["faultTolerated", "faultTolerated"],
];

export function checkRow(args: RowArgs, ruleset: ResolvedRuleset): Finding[] {
  // The row is read as a one-row sheet would be, without header detection: the columns are known.
  const headers = [CADRE_LABELS.unit, CADRE_LABELS.name];
  const row: unknown[] = ["本单位", "本人"];
  const cols: Partial<Record<CadreCol, number>> = { unit: 0, name: 1 };
  for (const [key, col] of COLUMNS) {
    if (args[key] === undefined) continue;
    cols[col] = headers.length;
    headers.push(CADRE_LABELS[col]);
    row.push(args[key]);
  }
  const rd = new RowReader(headers, sanctionIndex(ruleset.params.sanctions)).onRow(row);
  const person = readCadreRow(
    rd,
    cols,
    1,
    "本人",
    ruleset.scale,
    0,
    [],
    cols.sanction !== undefined,
    teamScaleOf(ruleset),
  );
  const model: Model = {
    year: null,
    scale: ruleset.scale,
    teamScale: teamScaleOf(ruleset),
    sheetOrder: ["行"],
    cadreSheet: { name: "行", headerRow: 0, headers, cols, history: [] },
    teamSheet: null,
    cadres: [person],
    teams: [],
    units: [],
    unitByKey: new Map(),
    notes: [],
    cells: new Map(),
    carried: null,
    audit: [],
  };
  // One row, one unit: built here rather than by model/units.ts, which the functions bundle need not carry.
  const unit: Unit = {
    ...newUnit(person.unitKey, person.unit),
    category: person.category,
    teamGrade: person.teamGrade,
    teamGradePrev: person.teamGradePrev,
    teamGradeAt: cols.teamGrade === undefined ? null : { sheet: "行", r: 1, c: cols.teamGrade },
    cadres: [person],
    principals: person.principal ? [person] : [],
  };
  model.units.push(unit);
  model.unitByKey.set(unit.key, unit);
  return checkModel(model, ruleset, ROW_MODULES, { reportMissingColumns: false });
}

/** The first error, else the first warning: what `KH.CHECK` shows. */
export function firstBreach(findings: Finding[]): Finding | undefined {
  return findings.find((f) => f.severity === "error") ?? findings.find((f) => f.severity === "warning");
}

/** The grades that break no error-level rule for this row, best first. */
export function allowedGrades(args: Omit<RowArgs, "grade">, ruleset: ResolvedRuleset): string[] {
  return acceptedLabels(ruleset.scale).filter(
    (g) => !checkRow({ ...args, grade: g }, ruleset).some((f) => f.severity === "error"),
  );
}
