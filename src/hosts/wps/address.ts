/** Ranges as WPS names them ("$A$1:$X$100") and as the host works with them (0-based boxes). */
import { columnLetter, parseA1 } from "../../engine";

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "$A$1:$X$100" (or "$B$2") → 0-based box. */
export function boxOf(address: string): Box | null {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

/** A 0-based box as an A1 address ("B2", "A1:X100"). */
export function addressOf(b: Box): string {
  const a = `${columnLetter(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${columnLetter(b.c1)}${b.r1 + 1}`;
}
