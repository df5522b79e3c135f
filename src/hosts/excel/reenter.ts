/**
 * KH cells that never computed. A custom function entered before the add-in loaded stays #NAME? after it
 * loads, recalculating does not help, and on a protected sheet it cannot be re-entered by hand (office-js
 * #6395, #4185). Writing the same formula again computes it. The template's sheets are protected without a
 * password (write-template.ts): each is unprotected, its formulas written back, and protected again with
 * the options it had. Two syncs while the formulas fit one request.
 */
import { a1, parseA1 } from "../../engine";
import type { Uncomputed } from "../../ui/host";
import { jsonBytes, RequestBudget } from "./budget";

/** "D2", "D3", "D5", "E2" → "D2:D3", "D5", "E2": a column's cells in runs of rows. */
export function columnRuns(cells: string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const cell of cells) {
    const p = parseA1(cell);
    if (p) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p.row]);
  }
  const out: string[] = [];
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      out.push(i === j ? a1(sorted[i], col) : `${a1(sorted[i], col)}:${a1(sorted[j], col)}`);
      i = j + 1;
    }
  }
  return out;
}

export async function reenterFormulas(context: Excel.RequestContext, targets: Uncomputed[]): Promise<number> {
  const sheets = context.workbook.worksheets;
  const asked = targets.map((t) => {
    const ws = sheets.getItem(t.sheet);
    ws.protection.load("protected,options");
    return { ws, ranges: columnRuns(t.cells).map((at) => ws.getRange(at).load("formulas")) };
  });
  await context.sync();
  const budget = new RequestBudget(context);
  const reprotect: { ws: Excel.Worksheet; options: Excel.WorksheetProtectionOptions }[] = [];
  let n = 0;
  try {
    for (const { ws, ranges } of asked) {
      const options = ws.protection.protected ? ws.protection.options : null;
      if (options) {
        ws.protection.unprotect();
        reprotect.push({ ws, options });
      }
      for (const range of ranges) {
        const formulas = range.formulas;
        await budget.take(jsonBytes(formulas));
        range.formulas = formulas;
        n += formulas.flat().filter((f) => typeof f === "string" && f.startsWith("=")).length;
      }
      if (options) ws.protection.protect(options);
    }
    await context.sync();
  } catch (e) {
    // A block failed after a sheet was unprotected: protect it again before saying what went wrong.
    for (const r of reprotect) r.ws.protection.load("protected");
    await context.sync();
    for (const r of reprotect) if (!r.ws.protection.protected) r.ws.protection.protect(r.options);
    await context.sync();
    throw e;
  }
  return n;
}
