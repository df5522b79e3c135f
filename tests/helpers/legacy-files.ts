/**
 * Returned files in the formats units save (.xls, .ods by LibreOffice; .xlsb by SheetJS, as LibreOffice
 * only reads that format), each converted once: one soffice run per format for all the files.
 */
import * as XLSX from "@e965/xlsx";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { findSoffice } from "./soffice";

export const XLS = "xls";
export const ODS = "ods";

/** `dir/name.xlsx` → `outDir/name.<ext>` for every file, one LibreOffice run per format. */
export function convertAll(files: string[], outDir: string, profile: string, formats: string[] = [XLS, ODS]): void {
  for (const to of formats) sofficeMany(files, to, outDir, profile);
}

function sofficeMany(files: string[], to: string, outDir: string, profile: string): void {
  // soffice takes many files in one run: its start-up is most of the time.
  execFileSync(
    findSoffice() ?? "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, ...files],
    { timeout: 300000, stdio: "pipe" },
  );
}

/** The .xlsx rewritten as .xlsb by SheetJS (cells, formulas, merges, hidden sheets). */
export function toXlsb(file: string, out: string): void {
  const wb = XLSX.read(readFileSync(file), { type: "buffer", cellFormula: true, cellNF: true });
  // It says on the console which defined names (print titles) it leaves out: not ours to see.
  const said = console.error;
  console.error = () => {};
  try {
    writeFileSync(out, XLSX.write(wb, { type: "buffer", bookType: "xlsb" }) as Buffer);
  } finally {
    console.error = said;
  }
}

/** A converted file renamed (e.g. an .xls saved by WPS as .et is the same BIFF). */
export function renameExt(file: string, ext: string): string {
  const to = file.replace(/\.[a-z]+$/i, "." + ext);
  renameSync(file, to);
  return to;
}

export function filesIn(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith("." + ext))
    .sort()
    .map((f) => path.join(dir, f));
}
