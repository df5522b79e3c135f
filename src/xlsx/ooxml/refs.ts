/**
 * A1 references as a worksheet part writes them, held to Excel's grid: a cell, row or merge beyond
 * 1,048,576 rows or 16,384 columns is not in a workbook Excel can open, so the file is refused, said so.
 */
import { columnLetter } from "../../engine";
import { count, MAX_COLS, MAX_ROWS } from "./limits";
import { UnusableFile } from "./unusable";

/** 0-based. */
export interface At {
  row: number;
  col: number;
}

type Kind = "cell" | "row" | "merge";
const ZH: Record<Kind, string> = { cell: "单元格", row: "行", merge: "合并区域" };

/** A reference as a message shows it: a hostile one may be a megabyte long. */
const shown = (ref: string) => (ref.length > 40 ? ref.slice(0, 40) + "…" : ref);

export function beyond(sheet: string, kind: Kind, ref: string): UnusableFile {
  return new UnusableFile(
    `工作表「${sheet}」的${ZH[kind]}「${shown(ref)}」超出 Excel 的范围（最多 ${count(MAX_ROWS)} 行、${count(MAX_COLS)} 列）`,
    `sheet "${sheet}": ${kind} ${shown(ref)} is beyond Excel's grid (${count(MAX_ROWS)} rows and ${count(MAX_COLS)} columns)`,
  );
}

function invalid(sheet: string, kind: Kind, ref: string): UnusableFile {
  return new UnusableFile(
    `不是有效的 xlsx 工作簿（工作表「${sheet}」的${ZH[kind]}「${shown(ref)}」无效）`,
    `not a valid xlsx workbook (sheet "${sheet}": ${kind} "${shown(ref)}" is not valid)`,
  );
}

/** A row number ("5") to its 0-based index. */
export function rowAt(attr: string, sheet: string): number {
  const digits = /^\s*0*(\d+)\s*$/.exec(attr)?.[1];
  if (digits === undefined || digits === "0") throw invalid(sheet, "row", attr);
  if (digits.length > 7 || Number(digits) > MAX_ROWS) throw beyond(sheet, "row", attr);
  return Number(digits) - 1;
}

/** "B3" to {row: 2, col: 1}; read character by character (it runs for every cell of a sheet). */
export function cellAt(ref: string, sheet: string, kind: Kind = "cell", whole = ref): At {
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const lettersFrom = i;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  const letters = i - lettersFrom;
  if (ref.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (letters === 0 || i === digitsFrom || i !== ref.length || row === 0) throw invalid(sheet, kind, whole);
  if (letters > 3 || col > MAX_COLS || row > MAX_ROWS) throw beyond(sheet, kind, whole);
  return { row: row - 1, col: col - 1 };
}

/** A cell reached by counting (a <c> or <row> without an address) must still be on the grid. */
export function onGrid(sheet: string, row: number, col: number): void {
  if (row >= MAX_ROWS || col >= MAX_COLS) throw beyond(sheet, "cell", columnLetter(col) + String(row + 1));
}

/** "A5:C9" (or one cell "A5") to its corners, top left first. */
export function areaAt(ref: string, sheet: string): { from: At; to: At } {
  const parts = ref.split(":");
  if (parts.length > 2) throw invalid(sheet, "merge", ref);
  const a = cellAt(parts[0], sheet, "merge", ref);
  const b = cellAt(parts[1] ?? parts[0], sheet, "merge", ref);
  return {
    from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}
