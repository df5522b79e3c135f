/**
 * 退回修改件: a checked file's copy for its unit (issue 21, item 1) — every finding a note at its cell (rule,
 * what to do, source) on a light fill, and a first sheet 校验意见 listing them with links, the file's
 * fingerprint and the date. The unit's package is patched, never re-serialized: its other parts (charts,
 * images, pivot tables, VBA, custom XML) are copied as they are, still compressed.
 */
import { parseA1, type CheckResult, type Finding, type Severity } from "../../engine";
import { SEVERITY_TEXT } from "../../tables/report";
import { Parts, sheetsOf } from "../parts";
import type { Deflate } from "../zip";
import { xmlText } from "../xml-text";
import { adviceFor } from "./advice";
import { markOutput } from "../custom-properties";
import { addNotes, ShapeIds, type Note, type NoteFont } from "./notes";
import { addStyles, type AddedStyles } from "./styles";
import { summarySheetXml, type SummaryRow } from "./summary-sheet";
import { addFirstSheet, freeSheetName } from "./workbook";
import { legacyDrawingId, markSheet } from "./worksheet";

export { annotatedName, notAnnotatable } from "./name";
export { unitLanguage } from "./language";
export { MARK_FORMULA } from "./worksheet";

export interface AnnotateOptions {
  /** The original's file name, as the sheet names it. */
  file: string;
  /** The unit's language: notes and sheet in it. */
  lang: "zh" | "en";
  /** When it was checked ("2026-01-20 09:30"). */
  at: string;
  /** SHA-256 of the original file's bytes. */
  fingerprint: string;
  /** The digest of its data (batch/data-digest.ts), for merge to tell an unchanged copy. */
  digest: string;
  /** A native DEFLATE where there is one (the command line's zlib): a batch of copies is mostly compressing. */
  deflate?: Deflate;
}

const TEXT = {
  zh: {
    sheet: "校验意见",
    author: "考核规则校验",
    title: "校验意见：请按以下意见修改后重新报送（修改处已加批注并浅色标出）",
    meta: ["文件", "文件指纹（SHA-256）", "规则集", "校验日期", "结果"],
    ruleset: (id: string, title: string, fp: string) => `${id} — ${title}（指纹 ${fp}）`,
    result: (rows: number, e: number, w: number, i: number) => `读取 ${rows} 行：错误 ${e}，警告 ${w}，提示 ${i}`,
    header: ["序号", "等级", "规则", "位置", "单位", "人员", "问题", "怎么改", "依据"],
    todo: "怎么改：",
    source: "依据：",
    font: { name: "宋体", charset: 134 } as NoteFont,
  },
  en: {
    sheet: "校验意见",
    author: "kaohe",
    title: "Findings: please correct as below and send the workbook back (the cells have notes and a light fill)",
    meta: ["File", "Fingerprint (SHA-256)", "Ruleset", "Checked on", "Result"],
    ruleset: (id: string, title: string, fp: string) => `${id} — ${title} (fingerprint ${fp})`,
    result: (rows: number, e: number, w: number, i: number) =>
      `${rows} rows read: ${e} errors, ${w} warnings, ${i} info`,
    header: ["No.", "Severity", "Rule", "Where", "Unit", "Person", "Finding", "What to do", "Source"],
    todo: "What to do: ",
    source: "Source: ",
    font: { name: "Tahoma" } as NoteFont,
  },
};

const WORST: Severity[] = ["error", "warning", "info"];
const WIDTHS = [6, 6, 6, 12, 16, 10, 56, 36, 28];

function noteText(fs: Finding[], lang: "zh" | "en"): string {
  const t = TEXT[lang];
  return fs
    .map(
      (f) =>
        `【${SEVERITY_TEXT[lang][f.severity]}】${f.rule} ${lang === "zh" ? f.message : f.messageEn}\n` +
        `${t.todo}${adviceFor(f.rule, f.severity, lang)}\n${t.source}${f.source}`,
    )
    .join("\n\n");
}

function summaryRows(result: CheckResult, o: AnnotateOptions, styles: AddedStyles): SummaryRow[] {
  const t = TEXT[o.lang];
  const s = result.summary;
  const rs = result.ruleset;
  // The label over the narrow first columns, the value from 位置 on: both overflow into the empty cells.
  const label = (k: string, v: string): SummaryRow => ({ cells: [k, null, null, v], styles: [styles.xf.label] });
  const x = styles.xf;
  return [
    { cells: [t.title], styles: [x.title] },
    label(t.meta[0], o.file),
    label(t.meta[1], o.fingerprint),
    label(t.meta[2], t.ruleset(rs.id, rs.title[o.lang], rs.fingerprint)),
    label(t.meta[3], o.at),
    label(t.meta[4], t.result(s.rows, s.errors, s.warnings, s.info)),
    { cells: [], styles: [] },
    { cells: t.header, styles: t.header.map(() => x.header) },
    ...result.findings.map((f, i): SummaryRow => ({
      cells: [
        String(i + 1),
        SEVERITY_TEXT[o.lang][f.severity],
        f.rule,
        f.sheet && parseA1(f.cell) ? { text: `${f.sheet}!${f.cell}`, sheet: f.sheet, cell: f.cell } : f.sheet,
        f.unit ?? "",
        f.person ?? "",
        o.lang === "zh" ? f.message : f.messageEn,
        adviceFor(f.rule, f.severity, o.lang),
        f.source,
      ],
      styles: [x.wrap, x[f.severity], x.wrap, x.link, x.wrap, x.wrap, x.wrap, x.wrap, x.wrap],
    })),
  ];
}

/** The findings with a cell, per sheet part of the workbook, per cell. */
function byCell(parts: Parts, findings: Finding[]): Map<string, Map<string, Finding[]>> {
  const partOf = new Map(sheetsOf(parts).map((s) => [s.name, s.part]));
  const out = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const part = f.sheet ? partOf.get(xmlText(f.sheet)) : undefined;
    if (!part || !parts.has(part) || !parseA1(f.cell)) continue;
    let cells = out.get(part);
    if (!cells) out.set(part, (cells = new Map()));
    const list = cells.get(f.cell);
    if (list) list.push(f);
    else cells.set(f.cell, [f]);
  }
  return out;
}

export function annotatedBytes(bytes: Uint8Array, result: CheckResult, o: AnnotateOptions): Uint8Array {
  const parts = Parts.read(bytes);
  const t = TEXT[o.lang];
  const styles = addStyles(parts);
  const ids = new ShapeIds(parts);
  for (const [part, cells] of byCell(parts, result.findings)) {
    const xml = parts.text(part) ?? "";
    const notes: Note[] = [...cells].map(([ref, fs]) => {
      const at = parseA1(ref)!;
      return {
        ref,
        row: at.row,
        col: at.col,
        runs: [{ bold: true, text: `${t.author}：` }, { text: `\n${noteText(fs, o.lang)}` }],
      };
    });
    const legacy = legacyDrawingId(xml);
    const vml = addNotes(parts, part, legacy, notes, ids, t.author, t.font);
    const marked: Record<Severity, string[]> = { error: [], warning: [], info: [] };
    for (const [ref, fs] of cells) marked[WORST.find((s) => fs.some((f) => f.severity === s))!].push(ref);
    parts.set(part, markSheet(xml, { cells: marked, dxf: styles.dxf, legacyDrawing: vml }));
  }
  const rows = summaryRows(result, o, styles);
  const headerRow = 8;
  const name = freeSheetName(parts, t.sheet);
  const last = String.fromCharCode(64 + WIDTHS.length);
  addFirstSheet(
    parts,
    name,
    summarySheetXml(rows, headerRow, WIDTHS),
    `A${headerRow}:${last}${Math.max(rows.length, headerRow)}`,
  );
  markOutput(parts, "annotated", o.digest);
  return parts.write(o.deflate);
}
