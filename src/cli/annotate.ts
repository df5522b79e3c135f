/**
 * `kaohe check … --annotate <dir>`: for each checked file with findings, its copy for the unit written into
 * <dir> as 原名（校验意见）.xlsx (src/xlsx/annotate). The originals are never written: a copy that would
 * replace an input is refused (that file only), and each copy is written through a temporary file.
 */
import { createHash } from "crypto";
import { deflateRawSync } from "zlib";
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckedFile } from "../batch/check-one";
import { dataDigest } from "../batch/data-digest";
import { stamp } from "../tables/table";
import { annotatedBytes, annotatedName, notAnnotatable, unitLanguage } from "../xlsx/annotate";
import { readFileBuffer } from "../xlsx/read";
import type { Lang } from "./format";
import { realPath, refusal, writeAtomically } from "./outputs";

class Refused extends Error {}

export type AnnotateOutcome =
  | { file: string; copy: string; findings: number; cells: number }
  | { file: string; error: string; errorEn: string }
  | { file: string; skipped: string; skippedEn: string };

/** "甲（校验意见）.xlsx", then "甲（校验意见）(2).xlsx" for a second file of the same name in another folder. */
function unique(used: Set<string>, name: string): string {
  const dot = name.lastIndexOf(".");
  let candidate = name;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${name.slice(0, dot)}(${i})${name.slice(dot)}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export class Annotator {
  readonly outcomes: AnnotateOutcome[] = [];
  private readonly used = new Set<string>();
  private readonly at = stamp(new Date());
  /** The inputs' real paths, followed once for all the copies. */
  private readonly real = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly inputs: string[],
    private readonly lang: Lang,
  ) {}

  async prepare(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    for (const input of this.inputs) this.real.set(await realPath(input), input);
  }

  /** The copy of one checked file, when it has findings; the line to say, or null. */
  async add(c: CheckedFile): Promise<string | null> {
    const findings = c.result.findings;
    if (findings.length === 0) return null;
    const zh = this.lang === "zh";
    const legacy = notAnnotatable(c.file, c.format);
    if (legacy) {
      this.outcomes.push({ file: c.file, skipped: legacy.zh, skippedEn: legacy.en });
      return `  · ${zh ? legacy.zh : legacy.en}`;
    }
    const copy = path.join(this.dir, unique(this.used, annotatedName(c.file)));
    try {
      const input = this.real.get(await realPath(copy));
      if (input !== undefined) throw new Refused(refusal("--annotate", copy, input, this.lang));
      const bytes = new Uint8Array(await readFileBuffer(c.file));
      const out = annotatedBytes(bytes, c.result, {
        file: path.basename(c.file),
        lang: unitLanguage(c.result.model),
        at: this.at,
        fingerprint: createHash("sha256").update(bytes).digest("hex"),
        digest: dataDigest(c.input, (s) => createHash("sha256").update(s).digest("hex")),
        // Copies go back to units and are saved again there: speed over the last few per cent of size.
        deflate: (d) => deflateRawSync(d, { level: 1 }),
      });
      await writeAtomically(copy, (tmp) => fs.writeFile(tmp, out));
      const cells = new Set(findings.filter((f) => f.sheet && f.cell).map((f) => `${f.sheet}!${f.cell}`)).size;
      this.outcomes.push({ file: c.file, copy, findings: findings.length, cells });
      return zh
        ? `  → 退回修改件 ${copy}（${findings.length} 条意见，${cells} 个单元格加了批注）`
        : `  → annotated copy ${copy} (${findings.length} findings, notes on ${cells} cells)`;
    } catch (e) {
      const refused = e instanceof Refused;
      const msg = (e as Error).message;
      this.outcomes.push({
        file: c.file,
        error: refused ? msg : `未能写出退回修改件：${msg}`,
        errorEn: refused ? msg : `the annotated copy could not be written: ${msg}`,
      });
      return `  ✗ ${refused ? msg : zh ? `未能写出退回修改件：${msg}` : `the annotated copy could not be written: ${msg}`}`;
    }
  }

  get failed(): boolean {
    return this.outcomes.some((o) => "error" in o);
  }

  /** The --json contract of cli.md. */
  json(lang: Lang): object {
    return {
      dir: this.dir,
      copies: this.outcomes.filter((o): o is Extract<AnnotateOutcome, { copy: string }> => "copy" in o),
      failed: this.outcomes
        .filter((o): o is Extract<AnnotateOutcome, { error: string }> => "error" in o)
        .map((o) => ({ file: o.file, error: lang === "zh" ? o.error : o.errorEn })),
      skipped: this.outcomes
        .filter((o): o is Extract<AnnotateOutcome, { skipped: string }> => "skipped" in o)
        .map((o) => ({ file: o.file, reason: lang === "zh" ? o.skipped : o.skippedEn })),
    };
  }
}
