// The file writers as bytes, for the browser app's downloads (being moved here from src/xlsx).
import type { CheckedFile } from "../tables/merge";
import type { Unusable } from "../batch/results";
import type { Table } from "../tables/table";
import type { Template } from "../template/spec";
import type { Day } from "../engine";

const later = (): Promise<Uint8Array> => Promise.reject(new Error("not yet"));
export const reportBytes = (_c: CheckedFile[], _u: Unusable[], _l: "zh" | "en") => later();
export const resultsBytes = (_c: CheckedFile[], _u: Unusable[], _l: "zh" | "en", _a: Day | undefined) => later();
export const tablesBytes = (_t: Table[]) => later();
export const templateBytes = (_t: Template) => later();
