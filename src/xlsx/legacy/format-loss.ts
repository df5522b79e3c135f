/**
 * What a file's format, not the unit, did to a template column (issue 23): an .xls saved by an Excel
 * that lacks a function of the template (COUNTIFS, IFERROR before 2007) keeps the call it cannot compute
 * — shown as #NAME? — or has the function swapped. In a file of such a format, the audit's per-cell
 * findings those explain (A04 a formula with the template's references but other functions, A06 a
 * #NAME? shown by the template's own formula) become one A04 for the column, naming the format and the
 * functions: the column cannot be trusted, and the cause is the format, not tampering. Another formula
 * (other references, other structure) stays an edit, cell by cell. A pass after the check, beside the
 * legacy reader: the engine and the pane's first load do not carry it.
 */
import {
  parseA1,
  summarize,
  type CheckResult,
  type Finding,
  type FormulaReference,
  type WorkbookInput,
} from "../../engine";
import { fromR1C1, normalizeFormula } from "../../engine/audit/r1c1";
import type { FormatId } from "../formats";

/** The format as the messages name it ("本文件是 Excel 97–2003 格式（.xls）"). */
export const FORMAT_NAME: Record<Exclude<FormatId, "xlsx">, { zh: string; en: string }> = {
  xls: { zh: " Excel 97–2003 格式（.xls）", en: "in the Excel 97–2003 format (.xls)" },
  et: { zh: " WPS 表格格式（.et）", en: "in WPS Spreadsheets' format (.et)" },
  ods: { zh: " OpenDocument 格式（.ods）", en: "in the OpenDocument format (.ods)" },
  xlsb: { zh: " Excel 二进制格式（.xlsb）", en: "in the Excel binary format (.xlsb)" },
};
/** Function names a formula calls, outside string literals (the storage prefix _xlfn. left out). */
export function functionsIn(f: string): Set<string> {
  const code = f.replace(/"(?:[^"]|"")*"?/g, '""');
  const out = new Set<string>();
  for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)) out.add(m[1].replace(/^_xlfn\./i, "").toUpperCase());
  return out;
}

/** A formula with every function name the same placeholder: what stays when only functions were swapped. */
const skeleton = (f: string) =>
  f
    .replace(/"(?:[^"]|"")*"?/g, '""')
    .replace(/[A-Za-z_][A-Za-z0-9_.]*\(/g, "ƒ(")
    .replace(/\s+/g, "");

/** The template's functions the found formula lacks, where only functions differ; null otherwise. */
export function missingFunctions(expected: string, found: string): string[] | null {
  if (skeleton(expected) !== skeleton(found)) return null;
  const have = functionsIn(found);
  const want = functionsIn(expected);
  const missing = [...want].filter((f) => !have.has(f));
  const extra = [...have].filter((f) => !want.has(f));
  return missing.length || extra.length ? missing : null;
}

const UNCOMPUTED = /^#NAME\?$/;

interface Taken {
  finding: Finding;
  r: number;
  /** The formula found, where it calls other functions than the template's. */
  found?: string;
  missing?: string[];
  expected: string;
}

function columnFinding(taken: Taken[], header: string, name: { zh: string; en: string }): Finding {
  taken.sort((a, b) => a.r - b.r);
  const first = taken[0];
  const where = `${first.finding.sheet}!${first.finding.cell}`;
  const swapped = taken.filter((t) => t.found !== undefined);
  const missing = [...new Set(swapped.flatMap((t) => t.missing ?? []))];
  const sample = swapped[0];
  const head = `${where}「${header}」列有 ${taken.length} 个单元格`;
  const headEn = `${where} (${header}): ${taken.length} cells of the column`;
  const tail = "。这是文件格式造成的，不是改动；这一列的结果不可信，请以 .xlsx 交回";
  const tailEn = ". The format did this, not an edit; the column's results cannot be trusted: return it as .xlsx";
  const message = sample
    ? `${head}的公式不是模板的公式：本文件是${name.zh}，保存它的程序${missing.length ? `不支持 ${missing.join("、")}，` : ""}改写了公式（应为 ${sample.expected}，现为 ${sample.found}）${tail}`
    : `${head}显示 #NAME?：本文件是${name.zh}，保存它的程序无法计算模板的公式 ${first.expected}${tail}`;
  const messageEn = sample
    ? `${headEn} hold other formulas than the template's: the file is ${name.en}, and the program that saved it ${missing.length ? `lacks ${missing.join(", ")} and ` : ""}rewrote them (expected ${sample.expected}, found ${sample.found})${tailEn}`
    : `${headEn} show #NAME?: the file is ${name.en}, and the program that saved it cannot compute the template's formula ${first.expected}${tailEn}`;
  return { ...first.finding, rule: "A04", severity: "error", message, messageEn };
}

/**
 * The check of a file in an older format, with the findings its format explains said once per column.
 * `refs` are the template's formulas the audit compared with (template/reference).
 */
export function sayFormatLoss(
  result: CheckResult,
  input: WorkbookInput,
  refs: FormulaReference[],
  name: { zh: string; en: string },
): CheckResult {
  const byColumn = new Map<string, { header: string; taken: Taken[] }>();
  const takenRows = new Set<string>();
  const consider = (f: Finding, swappedOnly: boolean): Taken | null => {
    const at = parseA1(f.cell);
    const ref = at && refs.find((x) => x.sheet === f.sheet && x.col === at.col);
    const sheet = input.sheets.find((s) => s.name === f.sheet);
    const stored = at ? sheet?.formulas?.[at.row]?.[at.col] : null;
    if (!at || !ref || !stored) return null;
    const expected = fromR1C1(ref.r1c1, at.row, at.col);
    const found = normalizeFormula(stored);
    const missing = missingFunctions(expected, found);
    if (missing) return { finding: f, r: at.row, found, missing, expected };
    if (swappedOnly) return null;
    const shown = sheet?.values[at.row]?.[at.col];
    return typeof shown === "string" && UNCOMPUTED.test(shown) ? { finding: f, r: at.row, expected } : null;
  };
  const take = (t: Taken, header: string) => {
    const key = `${t.finding.sheet}\u0000${parseA1(t.finding.cell)!.col}`;
    const col = byColumn.get(key) ?? { header, taken: [] };
    byColumn.set(key, col);
    if (!takenRows.has(`${key}\u0000${t.r}`)) col.taken.push(t);
    takenRows.add(`${key}\u0000${t.r}`);
  };
  const dropped = new Set<Finding>();
  for (const f of result.findings) {
    if (f.rule !== "A04" && f.rule !== "A06") continue;
    const t = consider(f, f.rule === "A04");
    if (!t) continue;
    const at = parseA1(f.cell)!;
    take(t, refs.find((x) => x.sheet === f.sheet && x.col === at.col)!.header);
    dropped.add(f);
  }
  if (!dropped.size) return result;
  const findings: Finding[] = [];
  const said = new Set<string>();
  for (const f of result.findings) {
    if (!dropped.has(f)) {
      findings.push(f);
      continue;
    }
    // The column's one finding where its first taken cell stood.
    const key = `${f.sheet}\u0000${parseA1(f.cell)!.col}`;
    if (said.has(key)) continue;
    said.add(key);
    const col = byColumn.get(key)!;
    findings.push(columnFinding(col.taken, col.header, name));
  }
  return { ...result, findings, summary: summarize(result.model, findings) };
}
