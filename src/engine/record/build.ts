/**
 * The record built from past years' workbooks: each file gives its appraisal year's grades (its 本年等次),
 * never the history columns units typed into it — those are what the record is there to check.
 */
import type { Model } from "../model/types";
import { a1 } from "../model/a1";
import { indexPeople } from "./people";
import type { PastEntry, PastFile, PastRecord } from "./types";

/** A past workbook read: the model of its cadres and the year it was appraised for (null: unknown). */
export interface PastBook {
  file: string;
  model: Model;
}

/** The year a past workbook is for: read from its headers or title, else its 规则 sheet. */
export function yearOfPast(model: Model): number | null {
  return model.year ?? model.carried?.year ?? null;
}

export function pastRecord(books: PastBook[]): PastRecord {
  const byYear = new Map<number, PastEntry[]>();
  const files: PastFile[] = [];
  for (const { file, model } of books) {
    const year = yearOfPast(model);
    const s = model.cadreSheet;
    if (year === null || !s || s.cols.grade === undefined) continue;
    let entries = byYear.get(year);
    if (!entries) byYear.set(year, (entries = []));
    let people = 0;
    for (const p of model.cadres) {
      if (p.grade === null) continue;
      people++;
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
    files.push({ file, year, people });
  }
  const years = [...byYear.keys()].sort((a, b) => b - a).map((year) => ({ year, index: indexPeople(byYear.get(year)!) }));
  return { files, years };
}
