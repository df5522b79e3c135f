/**
 * Returned files taken in once each, for `kaohe check`, `kaohe merge` and the pane's 回收汇总: a file with
 * the same bytes as one already taken (a copy, the same file picked twice) and our own outputs (an earlier
 * 汇总.xlsx left among the returns) are passed over, each with one line saying why.
 */
import type { WorkbookInput } from "../engine";
import { sha256Bytes } from "../engine/sha256";
import type { OutputKind } from "../xlsx/output-kind";
import { outputMarkOf } from "../xlsx/own-output";
import { dataDigest } from "./data-digest";

/** A file passed over on purpose: not checked, not merged, not an error. */
export interface Skipped {
  file: string;
  status: "skipped";
  reason: string;
  reasonEn: string;
}

export function skipped(file: string, reason: string, reasonEn: string): Skipped {
  return { file, status: "skipped", reason, reasonEn };
}

const OUTPUT_NAME: Record<OutputKind, { zh: string; en: string }> = {
  merge: { zh: "回收汇总工作簿", en: "consolidated workbook" },
  report: { zh: "校验报告", en: "check report" },
  results: { zh: "结果运用清单", en: "result-use list" },
  diff: { zh: "对比表", en: "comparison" },
  annotated: { zh: "退回修改件（校验意见副本）", en: "annotated copy for correction" },
};

export function sameFile(file: string, first: string): Skipped {
  return skipped(file, `与「${first}」是同一个文件，只计一次`, `the same file as "${first}": counted once`);
}

/** Content hash of a file's bytes (SHA-256 in hex from Node's crypto or the browser's). */
export type Hash = (bytes: Uint8Array) => string | Promise<string>;

/**
 * SHA-256 in a page: the browser's, else the engine's own — a page served over plain http (an intranet
 * server without a certificate) has no crypto.subtle, and copies must still be recognized there.
 */
export const pageSha256: Hash =
  typeof crypto !== "undefined" && crypto.subtle
    ? async (b) => {
        const digest = await crypto.subtle.digest("SHA-256", b as BufferSource);
        return Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, "0")).join("");
      }
    : sha256Bytes;

/**
 * What to do with a copy sent back for correction (退回修改件): `kaohe check` checks it as the original (a unit
 * returns it corrected, or not); a consolidation passes it over while its data is still what it was made
 * with — the original counts — and takes it once the unit has changed it.
 */
export type AnnotatedCopies = "check" | "merge";

export class Intake {
  private readonly seen = new Map<string, string>();
  /** Annotated copies admitted, with the digest of the data they were made with. */
  private readonly copies = new Map<string, string | null>();

  constructor(
    private readonly hash: Hash,
    private readonly annotated: AnnotatedCopies = "merge",
  ) {}

  /** Why the file is passed over, or null to take it in. */
  async admit(file: string, bytes: Uint8Array): Promise<Skipped | null> {
    const mark = outputMarkOf(bytes);
    if (mark?.kind === "annotated") this.copies.set(file, mark.data);
    else if (mark) {
      const kind = mark.kind;
      const name = OUTPUT_NAME[kind];
      return skipped(
        file,
        `是 kaohe 写出的${name.zh}，不是交回的文件，已跳过`,
        `a ${name.en} kaohe wrote, not a returned file: skipped`,
      );
    }
    const h = await this.hash(bytes);
    const first = this.seen.get(h);
    if (first !== undefined)
      return skipped(file, `与「${first}」内容完全相同，只计一次`, `the same content as "${first}": counted once`);
    this.seen.set(h, file);
    return null;
  }

  /** Once read: an annotated copy whose data is as it was made is passed over in a consolidation. */
  afterRead(file: string, input: WorkbookInput): Skipped | null {
    if (this.annotated === "check" || !this.copies.has(file)) return null;
    const made = this.copies.get(file);
    if (!made || made !== dataDigest(input)) return null;
    const name = OUTPUT_NAME.annotated;
    return skipped(
      file,
      `是 kaohe 写出的${name.zh}，单位尚未修改（数据与原件相同），已跳过；改过后交回的照常汇总`,
      `an ${name.en} kaohe wrote, not changed by the unit (the original's data): skipped; once corrected it is taken`,
    );
  }
}

/** One line for a skipped file: `– 文件：原因`. */
export function skippedLine(s: Skipped, lang: "zh" | "en"): string {
  return lang === "zh" ? `– ${s.file}：${s.reason}` : `– ${s.file}: ${s.reasonEn}`;
}
