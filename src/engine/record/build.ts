/**
 * The record built from past years' workbooks: each file gives its appraisal year's grades (its 本年等次),
 * never the history columns units typed into it — those are what the record is there to check.
 */
import type { Model } from "../model/types";
import { a1 } from "../model/a1";
import { indexPeople } from "./people";
import type { PastEntry, PastFile, PastRecord } from "./types";

/** A past workbook read: the model of its cadres, under the name it was given. */
export interface PastBook {
  file: string;
  model: Model;
}

/** One past file's grades, taken out of its model (which can then be let go). */
export interface PastPart {
  file: PastFile;
  entries: PastEntry[];
}

/** The year a past workbook is for: read from its headers or title, else its 规则 sheet. */
export function yearOfPast(model: Model): number | null {
  return model.year ?? model.carried?.year ?? null;
}

/** The grades of a past workbook, or null when its year or its grade column is unknown. */
export function pastPart({ file, model }: PastBook): PastPart | null {
  const year = yearOfPast(model);
  const s = model.cadreSheet;
  if (year === null || !s || s.cols.grade === undefined) return null;
  const entries: PastEntry[] = [];
  for (const p of model.cadres) {
    if (p.grade === null) continue;
    entries.push({
      year,
      unit: p.unit,
      unitKey: p.unitKey,
      name: p.name,
      idNumber: p.idNumber,
      grade: p.grade,
      file,
      sheet: s.name,
      cell: a1(p.r, s.cols.grade),
    });
  }
  return { file: { file, year, people: entries.length }, entries };
}

export function recordOf(parts: PastPart[]): PastRecord {
  const byYear = new Map<number, PastEntry[]>();
  for (const p of parts) {
    const list = byYear.get(p.file.year);
    if (list) list.push(...p.entries);
    else byYear.set(p.file.year, [...p.entries]);
  }
  const years = [...byYear.keys()]
    .sort((a, b) => b - a)
    .map((year) => ({ year, index: indexPeople(byYear.get(year)!) }));
  return { files: parts.map((p) => p.file), years };
}

export function pastRecord(books: PastBook[]): PastRecord {
  return recordOf(books.map(pastPart).filter((p): p is PastPart => p !== null));
}
