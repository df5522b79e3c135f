/**
 * An .ods formula (OpenFormula: `of:=IF([.$B4]="";"";COUNTIFS([$干部.$B:.$B];[.$B4]))`) in Excel's A1
 * form (`=IF($B4="","",COUNTIFS(干部!$B:$B,$B4))`), so the audit compares it with the template's. Ours,
 * because the library's conversion leaves whole columns and absolute sheets in brackets.
 */

const BARE_SHEET = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/;

/** Splits at `sep` outside quoted names. */
function split(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `$干部.$B` → ["干部", "$B"]; `.$B4` → [null, "$B4"]. */
function partOf(p: string): [string | null, string] {
  // The address follows the last dot outside the sheet's quotes.
  let at = -1;
  let quoted = false;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "'") quoted = !quoted;
    else if (p[i] === "." && !quoted) at = i;
  }
  if (at < 0) return [null, p];
  let sheet = p.slice(0, at).replace(/^\$/, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet === "" ? null : sheet, p.slice(at + 1)];
}

function sheetRef(name: string): string {
  return BARE_SHEET.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** One bracketed reference to A1: sheet named once, before the range. */
function reference(inner: string): string {
  if (inner.startsWith("#")) return inner.replace(/^\.?/, "");
  const parts = split(inner, ":").map(partOf);
  const sheet = parts[0][0];
  const address = parts.map(([, a]) => a.replace(/^\.?/, "")).join(":");
  return (sheet ? sheetRef(sheet) : "") + address;
}

/** Applies `fn` outside string literals. */
function outsideLiterals(f: string, fn: (code: string) => string): string {
  return f
    .split(/("(?:[^"]|"")*"?)/)
    .map((piece, i) => (i % 2 ? piece : fn(piece)))
    .join("");
}

export function fromOpenFormula(raw: string): string {
  const body = raw.replace(/^[a-z]+:/i, "").replace(/^==?/, "");
  return (
    "=" +
    outsideLiterals(body, (code) =>
      code
        .replace(/\[([^\]]*)\]/g, (_, inner: string) => reference(inner))
        .replace(/COM\.MICROSOFT\./g, "")
        // Inline arrays: OpenFormula separates columns with ; and rows with |, Excel with , and ;.
        .split(/(\{[^}]*\})/)
        .map((piece, i) => (i % 2 ? piece.replace(/;/g, ",").replace(/\|/g, ";") : piece.replace(/;/g, ",")))
        .join(""),
    )
  );
}
