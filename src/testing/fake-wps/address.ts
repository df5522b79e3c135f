/** A1 addresses for the fake WPS (self-contained: the page bundle has no engine). */

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellName = (r: number, c: number) => letters(c) + String(r + 1);

/** "A1", "$B$2:$C$9", "3:5" (whole rows), "B:B" (whole columns). */
export function parseBox(address: string): Box {
  const local = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .toUpperCase();
  const [a, b = a] = local.split(":");
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return { r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: 16383 };
  const col = (x: string) => [...x].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (/^[A-Z]+$/.test(a) && /^[A-Z]+$/.test(b)) return { r0: 0, c0: col(a), r1: 1048575, c1: col(b) };
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad address ${address}`);
    return { r: Number(m[2]) - 1, c: col(m[1]) };
  };
  const p = one(a);
  const q = one(b);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

/** As WPS writes it: absolute ("$A$1:$C$9"). */
export function absolute(b: Box): string {
  const a = `$${letters(b.c0)}$${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:$${letters(b.c1)}$${b.r1 + 1}`;
}

export const meets = (x: Box, y: Box) => x.r0 <= y.r1 && y.r0 <= x.r1 && x.c0 <= y.c1 && y.c0 <= x.c1;
export const within = (x: Box, y: Box) => x.r0 >= y.r0 && x.r1 <= y.r1 && x.c0 >= y.c0 && x.c1 <= y.c1;
