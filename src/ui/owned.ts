/**
 * Sheets the add-in makes carry a worksheet custom property, so they can be replaced on the next run
 * while a user's sheet of the same name is never touched.
 */
import type { Table } from "../tables/table";

export const OWNER_KEY = "kaohe";

/** What each of the add-in's own sheets holds: the table it was written from. */
export type OwnedKind = Table["kind"];

/** Sheets of the add-in's own that hold appraisal rows: the consolidated tables validate like any other. */
export const DATA_KINDS: ReadonlySet<string> = new Set(["mergedTeams", "mergedCadres"]);

/** First free name: "校验报告", then "校验报告 (2)" … when a user's sheet holds the name. */
export function freeName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
