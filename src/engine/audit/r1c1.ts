/**
 * Formulas in relative R1C1 form, so that the formulas of one column compare equal whatever their row
 * (=IF($C5="","",KH.CHECK(…$G5…)) on row 5 and the same on row 9 both read …RC3…RC7…).
 * String literals are left alone; function names (LOG10(, KH.CHECK() are not references.
 */
import { columnLetter } from "../model/a1";
import { normalizeFormula } from "./stored-formula";

export { normalizeFormula } from "./stored-formula";

export interface Ref {
  /** Row offset from the formula's row, or the absolute 0-based row; null for whole columns. */
  row: { abs: boolean; n: number } | null;
  sheet: string | null;
}

/** sheet!  A1 / $A$1 / A1:B2 / $B:$B — captured in parts. */
const REF =
  /((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)?(?::(\$?)([A-Z]{1,3})(\$?)(\d+)?)?/y;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function part(absC: string, col: string, absR: string, row: string | undefined, r0: number, c0: number): string {
  const c = colIndex(col);
  const cs = absC ? `C${c + 1}` : c === c0 ? "C" : `C[${c - c0}]`;
  if (row === undefined) return cs;
  const r = Number(row) - 1;
  const rs = absR ? `R${r + 1}` : r === r0 ? "R" : `R[${r - r0}]`;
  return rs + cs;
}

export function isKhFormula(f: string): boolean {
  return /(^|[^A-Za-z0-9_.])KH\.[A-Z]+\(/i.test(normalizeFormula(f));
}

/**
 * Index just past the string literal opening at `i`. An escaped quote ("") simply ends one literal and
 * opens the next, which is copied the same way.
 */
function literalEnd(f: string, i: number): number {
  const end = f.indexOf('"', i + 1);
  return end < 0 ? f.length : end + 1;
}

/** Walks a formula; `onRef` sees each reference, and the result is the R1C1 text. */
function walk(formula: string, r0: number, c0: number, onRef?: (ref: Ref) => void): string {
  const f = normalizeFormula(formula);
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"') {
      const stop = literalEnd(f, i);
      out += f.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? f[i - 1] : "";
    if (!/[A-Za-z0-9_.\u4e00-\u9fff'$]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(f);
      const after = m ? (f[i + m[0].length] ?? "") : "";
      // A1, A1:B2 (both with rows) or B:B (neither); never a name such as LOG10( or IF.
      const isRef =
        m !== null &&
        !/[A-Za-z0-9_(.\u4e00-\u9fff]/.test(after) &&
        ((m[5] !== undefined && (m[7] === undefined || m[9] !== undefined)) ||
          (m[5] === undefined && m[7] !== undefined && m[9] === undefined));
      if (m && isRef) {
        const hasRow = m[5] !== undefined;
        const sheet = m[1] ? m[1].slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
        let text = (m[1] ?? "") + part(m[2], m[3], m[4], m[5], r0, c0);
        if (m[7] !== undefined) text += ":" + part(m[6], m[7], m[8], m[9], r0, c0);
        for (const [absR, row] of [
          [m[4], m[5]],
          [m[8], m[9]],
        ] as [string, string | undefined][]) {
          if (row === undefined) continue;
          onRef?.({ sheet, row: absR ? { abs: true, n: Number(row) - 1 } : { abs: false, n: Number(row) - 1 - r0 } });
        }
        if (!hasRow) onRef?.({ sheet, row: null });
        out += text;
        i += m[0].length;
        continue;
      }
    }
    out += ch.toUpperCase();
    i++;
  }
  return out;
}

/** "=IF($C5="","",KH.CHECK($G5))" at row 4, column 17 (0-based) → "=IF(RC3="","",KH.CHECK(RC7))". */
export function toR1C1(formula: string, row: number, col: number): string {
  return walk(formula, row, col);
}

/** References pointing at another row than the formula's own (whole columns do not count). */
export function outsideRowRefs(formula: string, row: number, col: number): string[] {
  const refs: string[] = [];
  walk(formula, row, col, (ref) => {
    if (ref.row && (ref.row.abs || ref.row.n !== 0))
      refs.push(`${ref.sheet ?? ""}!${ref.row.abs ? "R" + (ref.row.n + 1) : "R[" + ref.row.n + "]"}`);
  });
  return refs;
}

/** An R1C1 formula back in A1 form at another row, to show the formula a cell should hold. */
export function fromR1C1(r1c1: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  const f = r1c1;
  while (i < f.length) {
    if (f[i] === '"') {
      const stop = literalEnd(f, i);
      out += f.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^(R(\[-?\d+\]|\d+)?)?C(\[-?\d+\]|\d+)?/.exec(f.slice(i));
    const prev = i > 0 ? f[i - 1] : "";
    if (m && m[0].length > 0 && !/[A-Za-z0-9_.]/.test(prev) && !/[A-Za-z(]/.test(f[i + m[0].length] ?? "")) {
      const cTok = m[3];
      const c = cTok === undefined ? col : cTok.startsWith("[") ? col + Number(cTok.slice(1, -1)) : Number(cTok) - 1;
      const cAbs = cTok !== undefined && !cTok.startsWith("[");
      let text = (cAbs ? "$" : "") + columnLetter(c);
      if (m[1] !== undefined) {
        const rTok = m[2];
        const r = rTok === undefined ? row : rTok.startsWith("[") ? row + Number(rTok.slice(1, -1)) : Number(rTok) - 1;
        text += (rTok !== undefined && !rTok.startsWith("[") ? "$" : "") + String(r + 1);
      }
      out += text;
      i += m[0].length;
      continue;
    }
    out += f[i];
    i++;
  }
  return out;
}
