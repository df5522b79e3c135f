/**
 * The legacy formats' figures (issue 23): a 10,000-row return read as .xls against the same rows read as
 * .xlsx (target ≤ 2×), and the size of the reader's chunks (reported: legacy-formats and sheetjs, which
 * the pane fetches only when such a file is picked). The .xls is LibreOffice's where soffice is installed (what units' programs write), else
 * SheetJS's own BIFF8 writer. Needs dist/ for the chunk's size.
 */
import * as XLSX from "@e965/xlsx";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook } from "../sample/generate";
import { writeBook } from "../sample/write";
import { readAnyBytes } from "../xlsx/any";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function soffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    if (dir && existsSync(path.join(dir, "soffice"))) return path.join(dir, "soffice");
  return null;
}

/** The .xlsx as .xls: LibreOffice's where it is installed, else SheetJS's. */
function toXls(xlsx: string, dir: string, log: (s: string) => void): string {
  const out = path.join(dir, path.basename(xlsx).replace(/\.xlsx$/, ".xls"));
  const lo = soffice();
  if (lo) {
    log("legacy: converting with LibreOffice…");
    execFileSync(
      lo,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xls",
        "--outdir",
        dir,
        xlsx,
      ],
      {
        stdio: "pipe",
        timeout: 300000,
      },
    );
  } else {
    log("legacy: no LibreOffice, converting with SheetJS…");
    const wb = XLSX.read(readFileSync(xlsx), { type: "buffer", cellFormula: true });
    writeFileSync(out, XLSX.write(wb, { type: "buffer", bookType: "xls" }) as Buffer);
  }
  return out;
}

async function timeRead(bytes: Uint8Array, name: string, runs: number): Promise<number> {
  await readAnyBytes(bytes, name); // warm-up: the JIT and the chunk's require
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await readAnyBytes(bytes, name);
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ts);
}

export async function legacyFigures(log: (s: string) => void, root: string, runs = 5): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-legacy-"));
  try {
    log("legacy: a 10,000-row return as .xlsx and as .xls…");
    const xlsx = path.join(dir, "return.xlsx");
    await writeBook(xlsx, largeBook(500, 20, 23)); // 10,000 cadres in 500 units
    const xls = toXls(xlsx, dir, log);
    const xlsxBytes = readFileSync(xlsx);
    const xlsBytes = readFileSync(xls);
    const rows = (await readAnyBytes(xlsBytes, xls)).input.sheets.reduce((n, s) => n + s.values.length, 0);
    figures.xls_rows = rows;
    figures.xlsx_read_ms = round(await timeRead(xlsxBytes, xlsx, runs));
    figures.xls_read_ms = round(await timeRead(xlsBytes, xls, runs));
    figures.xls_vs_xlsx = round(figures.xls_read_ms / figures.xlsx_read_ms, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The reader's chunk and SheetJS's: what picking the first such file fetches.
  const chunks = ["legacy-formats.js", "sheetjs.js"].map((f) => path.join(root, "dist", f));
  figures.legacy_chunk_kb = chunks.every((f) => existsSync(f))
    ? round(chunks.reduce((n, f) => n + statSync(f).size, 0) / 1024)
    : -1;
  return figures;
}
