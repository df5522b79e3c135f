/**
 * The writers' packages to files, for the command line (the browser app and WPS take the same bytes):
 * one writer per kind of file, in src/xlsx, and only this module touches the file system.
 */
import { writeFile } from "fs/promises";
import type { AddinStore } from "./auto-open";
import type { FileResult, Lang, ResultsFile } from "../batch/results";
import type { Table } from "../tables/table";
import type { Template } from "../template/spec";
import type { OutputKind } from "./finish";
import { reportBytes } from "./report";
import { resultListBytes } from "./results";
import { tablesBytes } from "./tables";
import { templateBytes } from "./template";

export async function writeTablesFile(
  path: string,
  tables: Table[],
  autoOpen: AddinStore | null = null,
  output: OutputKind = "merge",
): Promise<void> {
  await writeFile(path, await tablesBytes(tables, { output, autoOpen }));
}

export async function writeReport(path: string, results: FileResult[], lang: Lang): Promise<void> {
  await writeFile(path, await reportBytes(results, lang));
}

export async function writeResultList(path: string, results: ResultsFile[], lang: Lang): Promise<void> {
  await writeFile(path, await resultListBytes(results, lang));
}

export async function writeTemplate(path: string, t: Template, autoOpen: AddinStore | null = null): Promise<void> {
  await writeFile(path, await templateBytes(t, autoOpen));
}
