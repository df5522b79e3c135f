/**
 * What a batch of workbooks yields, file by file: the types the command line produces and the .xlsx
 * writers lay out (kept below both, so neither imports the other).
 */
import type { Finding, ResultItem, Summary } from "../engine";

export type Lang = "zh" | "en";

/** A file that could not be used, with why (Chinese and English). */
export interface Unusable {
  file: string;
  status: "unusable";
  error: string;
  errorEn: string;
}

export function unusable(file: string, zh: string, en: string): Unusable {
  return { file, status: "unusable", error: zh, errorEn: en };
}

export type FileResult =
  | {
      file: string;
      status: "checked";
      ruleset: { id: string; fingerprint: string };
      summary: Summary;
      findings: Finding[];
      /** Checked against the record of past years (--history): what it filled, contradicted, lacked. */
      history?: HistoryCounts;
    }
  | Unusable;

export interface HistoryCounts {
  filled: number;
  contradicted: number;
  absent: number;
}

export type ResultsFile = { file: string; status: "checked"; items: ResultItem[] } | Unusable;
