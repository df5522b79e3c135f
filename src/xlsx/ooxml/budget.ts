/**
 * What reading a workbook may spend, counted as it goes: cells, rows, the text held, shared strings and
 * the work merges cost. Going beyond refuses the file in one line, before the memory is taken.
 */
import { count, TEXT_PER_CELL, type ReadLimits } from "./limits";
import { UnusableFile } from "./unusable";

/** Merged areas may visit this many rows and cells per allowed cell (a unit merged down its rows: one each). */
const MERGE_WORK_PER_CELL = 4;
/** What a string costs beyond its text (its header and the slot holding it), in characters. */
const STRING_COST = 16;
/** Merged areas per allowed cell: a million by default (a unit merged down its rows is one). */
const CELLS_PER_MERGE = 8;
/** Slots of rows kept whole (up to 1,024 wide, like range.values) per allowed cell. */
const SLOTS_PER_CELL = 3;
/** Cells moved again because a row's cells came in several places, per allowed cell. */
const REORDER_PER_CELL = 4;

function tooLarge(zh: string, en: string): UnusableFile {
  return new UnusableFile(`工作簿过大：${zh}`, `workbook too large: ${en}`);
}

export class Budget {
  private cells = 0;
  private rowsBefore = 0;
  private dataRows = 0;
  private chars = 0;
  private strings = 0;
  private merged = 0;
  private merges = 0;
  private slotsUsed = 0;
  private reordered = 0;

  constructor(readonly limits: ReadLimits) {}

  cell(sheet: string, row: number): void {
    const max = this.limits.maxCells;
    if (++this.cells > max) {
      throw tooLarge(
        `非空单元格超过 ${count(max)} 个（读到工作表「${sheet}」第 ${row + 1} 行）`,
        `more than ${count(max)} non-empty cells (at sheet "${sheet}" row ${row + 1})`,
      );
    }
  }

  /** A sheet reaching row `row` (0-based) holds that many rows, empty or not, on top of the sheets before it. */
  row(sheet: string, row: number): void {
    const max = this.limits.maxCells;
    if (this.rowsBefore + row + 1 > max) {
      throw tooLarge(
        `各工作表共超过 ${count(max)} 行（读到工作表「${sheet}」第 ${row + 1} 行）`,
        `more than ${count(max)} rows in all sheets (at sheet "${sheet}" row ${row + 1})`,
      );
    }
  }

  /** A row that holds cells (once, however its cells come). */
  dataRow(sheet: string, row: number): void {
    const max = this.limits.maxRows;
    if (++this.dataRows > max) {
      throw tooLarge(
        `有内容的行共超过 ${count(max)} 行（读到工作表「${sheet}」第 ${row + 1} 行）`,
        `more than ${count(max)} rows holding cells (at sheet "${sheet}" row ${row + 1})`,
      );
    }
  }

  sheetDone(rows: number): void {
    this.rowsBefore += rows;
  }

  /** A string kept in a cell or the shared strings: its characters, and what a string costs beyond them. */
  text(chars: number): void {
    const max = this.limits.maxCells * TEXT_PER_CELL;
    this.chars += chars + STRING_COST;
    if (this.chars > max) {
      throw tooLarge(
        `单元格和共享字符串中的文本共超过 ${count(max)} 个字符（每段另计 ${STRING_COST} 个）`,
        `more than ${count(max)} characters of text in cells and shared strings (${STRING_COST} more counted for each)`,
      );
    }
  }

  sharedString(): void {
    const max = this.limits.maxCells;
    if (++this.strings > max)
      throw tooLarge(`共享字符串超过 ${count(max)} 个`, `more than ${count(max)} shared strings`);
  }

  merge(sheet: string): void {
    const max = Math.floor(this.limits.maxCells / CELLS_PER_MERGE);
    if (++this.merges > max) {
      throw tooLarge(
        `合并单元格超过 ${count(max)} 处（读到工作表「${sheet}」）`,
        `more than ${count(max)} merged areas (at sheet "${sheet}")`,
      );
    }
  }

  /** Rows and cells a merged area visits (each at least one): many or overlapping merges are bounded too. */
  mergeWork(sheet: string, n: number): void {
    const max = this.limits.maxCells * MERGE_WORK_PER_CELL;
    this.merged += n;
    if (this.merged > max) {
      throw tooLarge(
        `工作表「${sheet}」的合并单元格过多（覆盖的行和单元格超过 ${count(max)} 个）`,
        `too many merged cells on sheet "${sheet}" (covering more than ${count(max)} rows and cells)`,
      );
    }
  }

  /** A row kept whole costs its width, whatever it holds. */
  slots(sheet: string, row: number, n: number): void {
    const max = this.limits.maxCells * SLOTS_PER_CELL;
    this.slotsUsed += n;
    if (this.slotsUsed > max) {
      throw tooLarge(
        `各行（算到最右一个非空单元格）共超过 ${count(max)} 个单元格（读到工作表「${sheet}」第 ${row + 1} 行）`,
        `more than ${count(max)} cells counting each row up to its last value (at sheet "${sheet}" row ${row + 1})`,
      );
    }
  }

  /** Cells moved again because their row came in several places (rows out of order). */
  reorder(sheet: string, n: number): void {
    const max = this.limits.maxCells * REORDER_PER_CELL;
    this.reordered += n;
    if (this.reordered > max) {
      throw tooLarge(
        `工作表「${sheet}」中同一行的单元格分在多处，重排超过 ${count(max)} 个`,
        `the cells of rows on sheet "${sheet}" come in pieces; more than ${count(max)} moved`,
      );
    }
  }
}
