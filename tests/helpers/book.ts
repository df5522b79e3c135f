/** Builds workbook inputs from rows keyed by header, so a test reads like the sheet it describes. */
import type { SheetInput, WorkbookInput } from "../../src/engine";

export type Row = Record<string, unknown>;

export function sheet(name: string, rows: Row[], above: unknown[][] = []): SheetInput {
  const headers: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return { name, values: [...above, headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h] : null)))] };
}

export function book(parts: { teams?: Row[]; cadres?: Row[]; year?: number }): WorkbookInput {
  const sheets: SheetInput[] = [];
  if (parts.teams) sheets.push(sheet("班子", parts.teams));
  if (parts.cadres) sheets.push(sheet("干部", parts.cadres));
  return { sheets, year: parts.year };
}

/** A unit with a team grade and cadres given as [name, grade, principal?]. */
export function unit(
  name: string,
  teamGrade: string,
  people: [string, string, boolean?][],
): { team: Row; cadres: Row[] } {
  return {
    team: { 单位: name, 本年班子等次: teamGrade },
    cadres: people.map(([n, g, p]) => ({ 单位: name, 姓名: n, 是否正职: p ? "是" : "否", 本年等次: g })),
  };
}

export function units(...us: { team: Row; cadres: Row[] }[]): WorkbookInput {
  return book({ teams: us.map((u) => u.team), cadres: us.flatMap((u) => u.cadres) });
}

/** n cadres of one grade, named 甲1…, none principal. */
export function many(n: number, grade: string, prefix = "甲"): [string, string][] {
  return Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, grade] as [string, string]);
}
