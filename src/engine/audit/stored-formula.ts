/**
 * Custom functions as a file stores them. Excel saves the JS custom function `KH.CHECK(` as
 * `_xldudf_KH_CHECK(` and maps it back when the add-in registers (office-js issue #3558); a file holding the
 * dotted name stays #NAME? even then. Our file writers store that form; the audit reads both as one
 * (`normalizeFormula`), so files saved by Excel and by us audit alike. String literals are left alone.
 */

/** Applies `fn` to the formula outside its string literals ("" inside a literal is an escaped quote). */
function outsideLiterals(f: string, fn: (code: string) => string): string {
  return f
    .split(/("(?:[^"]|"")*"?)/)
    .map((piece, i) => (i % 2 ? piece : fn(piece)))
    .join("");
}

/** `=KH.CHECK(A1)` → `=_xldudf_KH_CHECK(A1)`: how Excel stores a JS custom function in the file. */
export function toStoredFormula(f: string): string {
  return outsideLiterals(f, (code) => code.replace(/(^|[^A-Za-z0-9_.])KH\.([A-Za-z]+)\(/g, "$1_xldudf_KH_$2("));
}

/** `_xldudf_KH_CHECK(` → `KH.CHECK(`: the one form the audit compares. */
export function normalizeFormula(f: string): string {
  return outsideLiterals(f, (code) => code.replace(/(^|[^A-Za-z0-9_.])_xldudf_KH_([A-Za-z]+)\(/gi, "$1KH.$2("));
}
