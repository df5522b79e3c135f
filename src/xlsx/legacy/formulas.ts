/**
 * Formulas as the library decompiles them, put back in the form the .xlsx reader gives, where the
 * format, not the unit, made the difference: BIFF8's grid is 65,536 rows by 256 columns, so a whole
 * column (干部!$B:$B) is stored as rows 1–65,536 and a whole row as columns A–IV, and a function newer
 * than the format as a name prefixed _xlfn. What no such rule
 * maps back is left as it is, for the audit to say (audit/formulas.ts names the format).
 */
import type { FormatId } from "../formats";

/** A range over every row of BIFF8's grid ($B$1:$B$65536) or every column ($A$3:$IV$3). */
const WHOLE_COLUMN = /(\$?)([A-Z]{1,3})\$?1:(\$?)([A-Z]{1,3})\$?65536(?![0-9])/g;
const WHOLE_ROW = /(?<![A-Z$])\$?A(\$?)(\d+):\$?IV(\$?)(\d+)(?![0-9])/g;

function outsideLiterals(f: string, fn: (code: string) => string): string {
  return f
    .split(/("(?:[^"]|"")*"?)/)
    .map((piece, i) => (i % 2 ? piece : fn(piece)))
    .join("");
}

export function legacyFormulas(format: FormatId): (f: string) => string {
  const biff = format === "xls" || format === "et";
  return (f) => {
    const body = f.startsWith("=") ? f.slice(1) : f;
    if (!biff) return "=" + body;
    return (
      "=" +
      outsideLiterals(body, (code) =>
        code
          .replace(WHOLE_COLUMN, (_, a1: string, c1: string, a2: string, c2: string) => `${a1}${c1}:${a2}${c2}`)
          .replace(WHOLE_ROW, (_, a1: string, r1: string, a2: string, r2: string) => `${a1}${r1}:${a2}${r2}`)
          // A function newer than the format is stored by name with Excel's prefix: the same call.
          .replace(/(^|[^A-Za-z0-9_.])_xlfn\./g, "$1"),
      )
    );
  };
}
