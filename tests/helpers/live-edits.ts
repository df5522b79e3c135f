/**
 * The bursts of edits the 边填边查 property tests type into a fake host (Excel and WPS alike): grades, team
 * grades, units moved or new, inserted (and, where the fake has it, deleted) rows, three-row pastes.
 */
import fc from "fast-check";
import type { GeneratedBook } from "../../src/sample/generate";

export const GRADE_COL = "F"; // 本年等次 in the generated books

export type LiveEdit = { kind: "grade" | "team" | "unit" | "insert" | "delete" | "paste"; row: number; value: string };

/** What a fake host lets a test do as a user would. */
export interface EditableHost {
  type(sheet: string, at: string, values: unknown[][]): void;
  insertRows(sheet: string, at: number, count: number): void;
  deleteRows?(sheet: string, at: number, count: number): void;
}

export function liveEdit(book: GeneratedBook, o: { deletes: boolean }): fc.Arbitrary<LiveEdit> {
  const teams = book.teams.length;
  const cadres = book.cadres.length;
  const edit = (kind: LiveEdit["kind"], min: number, max: number, values: string[]) =>
    fc.record({ kind: fc.constant(kind), row: fc.integer({ min, max }), value: fc.constantFrom(...values) });
  return fc.oneof(
    edit("grade", 2, cadres + 2, ["优秀", "称职", "不称职", "", "优良"]),
    edit("team", 2, teams + 1, ["优秀", "一般", "较差", ""]),
    edit("unit", 2, cadres + 1, [String(book.teams[0][1]), "新单位"]),
    edit("insert", 2, cadres, [""]),
    ...(o.deletes ? [edit("delete", 2, cadres, [""])] : []),
    edit("paste", 2, cadres - 3, ["优秀", "称职"]),
  );
}

export function applyEdit(host: EditableHost, e: LiveEdit): void {
  if (e.kind === "grade") host.type("干部", `${GRADE_COL}${e.row}`, [[e.value]]);
  else if (e.kind === "team") host.type("班子", `D${e.row}`, [[e.value]]);
  else if (e.kind === "unit") host.type("干部", `B${e.row}`, [[e.value]]);
  else if (e.kind === "insert") host.insertRows("干部", e.row - 1, 1);
  else if (e.kind === "delete") host.deleteRows!("干部", e.row - 1, 1);
  else host.type("干部", `${GRADE_COL}${e.row}`, [[e.value], [e.value], [e.value]]);
}
