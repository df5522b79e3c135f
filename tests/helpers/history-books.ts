/**
 * Three past years' consolidated workbooks and this year's, built as the hidden cases are (sheets of rows keyed
 * by header): 甲局 and 乙局, five people each. The record: 张一 优秀 in 2023 and 2024, 张二 不称职 in 2024.
 * This year 张一 is 优秀 again and 张二 称职 and proposed for promotion — H01 and H05 follow from the record.
 */
import ExcelJS from "exceljs";
import type { WorkbookInput } from "../../src/engine";
import { sheet, type Row } from "./book";

const NAMES = ["张一", "张二", "张三", "张四", "张五", "李一", "李二", "李三", "李四", "李五"];

const team = (unit: string, grade = "良好"): Row => ({ 单位: unit, 本年班子等次: grade });

/** One year's workbook, its year in a title row above each sheet's header (as real returns carry it). */
export function yearBook(
  y: number,
  grades: Record<string, string>,
  extra: (name: string) => Row = () => ({}),
): WorkbookInput {
  const title = [[`${y}年度领导班子和领导干部年度考核结果汇总表`]];
  return {
    sheets: [
      sheet("班子", [team("甲局"), team("乙局")], title),
      sheet(
        "干部",
        NAMES.map((n) => ({
          单位: n[0] === "张" ? "甲局" : "乙局",
          姓名: n,
          是否正职: n.endsWith("一") ? "是" : "否",
          本年等次: grades[n] ?? "称职",
          ...extra(n),
        })),
        title,
      ),
    ],
  };
}

export const PAST: [number, WorkbookInput][] = [
  [2022, yearBook(2022, { 张一: "称职" })],
  [2023, yearBook(2023, { 张一: "优秀" })],
  [2024, yearBook(2024, { 张一: "优秀", 张二: "不称职" })],
];

/** This year, history columns as `history` gives them per person. */
export const currentBook = (history: (name: string) => Row): WorkbookInput =>
  yearBook(2025, { 张一: "优秀" }, (n) => ({ ...history(n), 拟提拔: n === "张二" ? "是" : "否" }));

export const blankHistory = (): Row => ({ "2024年度等次": "", "2023年度等次": null });

/** A workbook input written as an .xlsx, cell for cell. */
export async function writeInput(file: string, input: WorkbookInput): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of input.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.values) ws.addRow(row.map((v) => (v === "" ? null : v)));
  }
  await wb.xlsx.writeFile(file);
}
