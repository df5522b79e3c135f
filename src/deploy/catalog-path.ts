/**
 * The shared folder Office reads add-in manifests from: `--catalog` of `npm run package` (written into a
 * .reg file, a PowerShell script and the kit's readme) and of `kaohe template|merge --auto-open` (written
 * into the workbook's XML). One check for both (scripts/ require it from lib/): a UNC path
 * \\server\share\… or a drive path X:\…, with nothing that could end a string or a line in any of them.
 */

export interface CatalogProblem {
  zh: string;
  en: string;
}

/** Windows' own limit for a path; anything longer is not a folder Office can read. */
const MAX_LENGTH = 260;
/** Control characters, line and paragraph separators, non-characters XML forbids, lone surrogates. */
const CONTROL =
  /[\p{Cc}\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/** Quotes of any kind (PowerShell ends '…' at ‘ ’ ‚ ‛ and "…" at “ ” „), and PowerShell's escape `. */
const QUOTE = /[\p{Quotation_Mark}`]/u;
/** What Windows does not allow in a file or folder name (quotes are refused above). */
const NOT_IN_NAME = /[<>:/|?*]/;
const UNC = /^\\\\([^\\]+)((?:\\[^\\]+)+)\\?$/;
const DRIVE = /^[A-Za-z]:\\((?:[^\\]+\\)*[^\\]*)$/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const SHAPE: CatalogProblem = {
  zh: "--catalog 须为共享文件夹 \\\\服务器\\共享 或本机路径 X:\\文件夹",
  en: "--catalog must be a shared folder \\\\server\\share or a drive path X:\\folder",
};

/** Why `text` is not a catalog path, in one line per language; null when it is one. */
export function catalogProblem(text: string): CatalogProblem | null {
  const control = CONTROL.exec(text);
  if (control) {
    // Named by code point only: the character itself could break the message's line.
    const c = codePoint(control[0]);
    return {
      zh: `--catalog 不能含控制字符或换行（${c}）`,
      en: `--catalog must not contain a control character or line break (${c})`,
    };
  }
  const quote = QUOTE.exec(text);
  if (quote) {
    const c = `${quote[0]} (${codePoint(quote[0])})`;
    return {
      zh: `--catalog 不能含引号「${quote[0]}」（${codePoint(quote[0])}）`,
      en: `--catalog must not contain a quote: ${c}`,
    };
  }
  if (text.length > MAX_LENGTH) {
    return {
      zh: `--catalog 过长（${text.length} 个字符，上限 ${MAX_LENGTH}）`,
      en: `--catalog is too long (${text.length} characters, at most ${MAX_LENGTH})`,
    };
  }
  const unc = UNC.exec(text);
  const drive = DRIVE.exec(text);
  if (!unc && !drive) {
    return { zh: `${SHAPE.zh}，收到「${text}」`, en: `${SHAPE.en}, got "${text}"` };
  }
  const names = unc ? [unc[1], ...unc[2].split("\\").slice(1)] : drive![1].split("\\").filter(Boolean);
  for (const name of names) {
    const bad = NOT_IN_NAME.exec(name);
    if (bad) {
      return {
        zh: `${SHAPE.zh}：「${name}」含有文件夹名不能用的字符「${bad[0]}」`,
        en: `${SHAPE.en}: "${name}" contains ${bad[0]}, which a folder name cannot`,
      };
    }
    // \\.\ and \\?\ name devices, . and .. other folders: neither is a share to register.
    if (name === "." || name === "..") {
      return { zh: `${SHAPE.zh}，不能含「${name}」`, en: `${SHAPE.en}, without "${name}"` };
    }
  }
  return null;
}
