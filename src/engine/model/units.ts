/**
 * Groups rows into units: the teams sheet first, then the cadres, with each unit's team grade and where
 * it is. A unit listed more than once never takes "the first row": where its rows agree the value
 * stands, where they disagree it is unknown and the disagreement is kept for D08.
 */
import type { Grade } from "../grades";
import type { CadreCol, TeamCol } from "./columns";
import { newUnit } from "./unit";
import type { CadreRow, Model, TeamConflict, TeamRow, Unit } from "./types";

type Value = Grade | number | string | null;
type Field = TeamConflict["field"];

/** The team row fields a rule reads, with their column. */
const TEAM_FIELDS: [Field, TeamCol][] = [
  ["grade", "teamGrade"],
  ["gradePrev", "teamGradePrev"],
  ["category", "category"],
  ["pointsLost", "pointsLost"],
  ["performance", "performance"],
  ["yearEnd", "yearEndScore"],
  ["survey", "surveyScore"],
  ["composite", "compositeScore"],
  ["democraticLow", "democraticLow"],
  ["regularScore", "regularScore"],
  ["political", "politicalQuality"],
];

const blank = (v: Value) => v === null || v === "";

/** The one value the rows agree on (blanks aside), or the distinct values with their rows. */
function agree(rows: { r: number; v: Value }[]): { value: Value; values: TeamConflict["values"] | null } {
  const by = new Map<Value, number[]>();
  for (const { r, v } of rows) if (!blank(v)) by.set(v, [...(by.get(v) ?? []), r]);
  if (by.size <= 1) return { value: by.size ? [...by.keys()][0] : (rows[0]?.v ?? null), values: null };
  const values = [...by.entries()]
    .map(([value, rs]) => ({ value: value as Grade | number | string, rows: rs.sort((a, b) => a - b) }))
    .sort((a, b) =>
      typeof a.value === "string" ? String(a.value).localeCompare(String(b.value)) : Number(a.value) - Number(b.value),
    );
  return { value: null, values };
}

/** One row standing for all the rows of a unit on the teams sheet. */
function mergeTeams(
  rows: TeamRow[],
  sheet: string,
  cols: Partial<Record<TeamCol, number>>,
  conflicts: TeamConflict[],
): TeamRow {
  const first = rows.reduce((a, b) => (b.r < a.r ? b : a));
  if (rows.length === 1) return first;
  const merged: TeamRow = { ...first, bad: [] };
  for (const [field, col] of TEAM_FIELDS) {
    const { value, values } = agree(rows.map((t) => ({ r: t.r, v: t[field] as Value })));
    (merged as unknown as Record<string, Value>)[field] = value ?? (typeof first[field] === "string" ? "" : null);
    if (values && cols[col] !== undefined)
      conflicts.push({ field, sheet, col: cols[col]!, values, listed: rows.map((t) => t.r).sort((a, b) => a - b) });
  }
  return merged;
}

export function buildUnits(model: Model): void {
  const add = (key: string, name: string): Unit => {
    let u = model.unitByKey.get(key);
    if (!u) {
      u = newUnit(key, name);
      model.unitByKey.set(key, u);
      model.units.push(u);
    }
    return u;
  };
  const ts = model.teamSheet;
  const teamRows = new Map<Unit, TeamRow[]>();
  for (const t of model.teams) {
    const u = add(t.unitKey, t.unit);
    teamRows.set(u, [...(teamRows.get(u) ?? []), t]);
  }
  for (const [u, rows] of teamRows) {
    const t = mergeTeams(rows, ts!.name, ts!.cols, u.conflicts);
    u.team = t;
    u.category = t.category;
    u.teamGrade = t.grade;
    u.teamGradePrev = t.gradePrev;
    u.teamRegularScore = t.regularScore;
    u.teamPolitical = t.political;
    if (ts && ts.cols.teamGrade !== undefined) u.teamGradeAt = { sheet: ts.name, r: t.r, c: ts.cols.teamGrade };
  }
  for (const p of model.cadres) {
    const u = add(p.unitKey, p.unit);
    u.cadres.push(p);
    if (p.principal) u.principals.push(p);
  }
  const cs = model.cadreSheet;
  for (const u of model.units) if (!u.team && cs) teamFromCadreRows(u, cs.name, cs.cols);
}

/** The layout with the team grade on every cadre row: the rows must agree (D08 where they do not). */
function teamFromCadreRows(u: Unit, sheet: string, cols: Partial<Record<CadreCol, number>>): void {
  const listed = u.cadres.map((p) => p.r);
  const field = (name: Field, col: number | undefined, pick: (p: CadreRow) => Value): Value => {
    const { value, values } = agree(u.cadres.map((p) => ({ r: p.r, v: pick(p) })));
    if (values && col !== undefined) u.conflicts.push({ field: name, sheet, col, values, listed });
    return value;
  };
  const gradeCol = cols.teamGrade;
  u.category = (field("category", cols.category, (p) => p.category) as string | null) ?? "";
  const grade = agree(u.cadres.map((p) => ({ r: p.r, v: p.teamGrade })));
  u.teamGrade = field("grade", gradeCol, (p) => p.teamGrade) as Grade | null;
  const withGrade = u.cadres.filter((p) => p.teamGrade !== null).sort((a, b) => a.r - b.r)[0];
  if (gradeCol !== undefined && (withGrade || grade.values))
    u.teamGradeAt = { sheet, r: withGrade?.r ?? u.cadres[0].r, c: gradeCol };
  u.teamGradePrev = field("gradePrev", cols.teamGradePrev, (p) => p.teamGradePrev) as Grade | null;
  u.teamRegularScore = field("regularScore", cols.teamRegularScore, (p) => p.teamRegularScore) as number | null;
  u.teamPolitical = field("political", cols.teamPoliticalQuality, (p) => p.teamPolitical) as Grade | null;
}
