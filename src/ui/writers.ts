/**
 * The files the browser app hands out (its own chunk, loaded on the first download): the command line's
 * writers, so each download is the file `kaohe check --report`, `kaohe merge --out`, `kaohe results --out`
 * or `kaohe template` writes for the same inputs.
 */
import { resultList, type Day } from "../engine";
import { fileResultOf, type CheckedFile } from "../batch/check-one";
import type { FileResult, Lang, ResultsFile, Unusable } from "../batch/results";
import type { Table } from "../tables/table";
import type { Template } from "../template/spec";
import { reportBytes } from "../xlsx/report";
import { resultListBytes } from "../xlsx/results";
import { tablesBytes } from "../xlsx/tables";
import { templateBytes as templatePackage } from "../xlsx/template";

/** The files as they were picked: each checked, or why it could not be. */
export type PickedResult = CheckedFile | Unusable;

export function report(files: PickedResult[], lang: Lang): Promise<Uint8Array> {
  return reportBytes(
    files.map((f): FileResult => fileResultOf(f)),
    lang,
  );
}

export function results(files: PickedResult[], lang: Lang, announced: Day | undefined): Promise<Uint8Array> {
  const list = files.map((f): ResultsFile =>
    "status" in f
      ? f
      : { file: f.file, status: "checked", items: resultList(f.result.model, f.result.ruleset, { announced }) },
  );
  return resultListBytes(list, lang);
}

export function merged(tables: Table[]): Promise<Uint8Array> {
  return tablesBytes(tables, { output: "merge" });
}

export function template(t: Template): Promise<Uint8Array> {
  return templatePackage(t);
}

export function diff(tables: Table[]): Promise<Uint8Array> {
  return tablesBytes(tables, { output: "diff" });
}
