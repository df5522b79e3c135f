/**
 * KH cells that never computed: formulas calling KH functions whose value is #NAME? in the last reading.
 * The pane offers to re-enter them where the host can (OpenWorkbook.reenterFormulas, Excel).
 */
import { a1 } from "../engine";
import { el } from "./dom";
import type { Uncomputed, WorkbookRead } from "./host";

/** A KH call as Office.js gives formulas (KH.CHECK) or as a file stores them (_xldudf_KH_CHECK). */
const KH_CALL = /(^|[^A-Za-z0-9_.])(KH\.|_xldudf_KH_)/i;

export function uncomputedKh(read: WorkbookRead): Uncomputed[] {
  return read.input.sheets.flatMap((s) => {
    const cells: string[] = [];
    s.formulas?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f && KH_CALL.test(f) && s.values[r]?.[c] === "#NAME?") cells.push(a1(r, c));
      }),
    );
    return cells.length ? [{ sheet: s.name, cells }] : [];
  });
}

/** Shows the offer (a line and its button) for these cells, or hides it. */
export function renderNameFix(cells: Uncomputed[], text: (n: number) => string): void {
  const n = cells.reduce((k, u) => k + u.cells.length, 0);
  el("nameFix").hidden = n === 0;
  el("nameFixText").textContent = n ? text(n) : "";
}
