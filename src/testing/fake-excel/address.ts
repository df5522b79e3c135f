/** A1 addresses and Office.js's rich errors, as the fake needs them. */

export function richError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string; name: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

export function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellName(r: number, c: number): string {
  return letters(c) + String(r + 1);
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "A1", "B2:C9", "'干部'!F5", "A:A" is not used by the adapter and not supported. */
export function parseBox(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.replace(/\$/g, "").split(":");
  const whole = /^[A-Z]+$/i;
  if (whole.test(a) && whole.test(b ?? "")) {
    const col = (x: string) => [...x.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r0: 0, c0: Math.min(col(a), col(b)), r1: 1048575, c1: Math.max(col(a), col(b)) };
  }
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s.toUpperCase());
    if (!m) throw richError("InvalidArgument", `bad address ${address}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: col - 1 };
  };
  const p = one(a);
  const q = one(b ?? a);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

export function boxAddress(b: Box): string {
  const a = cellName(b.r0, b.c0);
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${cellName(b.r1, b.c1)}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sub-object whose properties the add-in only sets (dataValidation, pageLayout): each set goes to `set`,
 * each read fails as Office.js fails a property never loaded.
 */
export function setOnly<K extends string>(what: string, keys: readonly K[], set: (key: K, v: unknown) => void) {
  const o = {} as Record<K, unknown>;
  for (const key of keys)
    Object.defineProperty(o, key, {
      enumerable: true,
      set: (v: unknown) => {
        set(key, v);
      },
      get: () => {
        throw richError("PropertyNotLoaded", `${what}.${key}`);
      },
    });
  return o;
}
