/**
 * 与上次报送比较's figures (issue 21): two 10,000-row workbooks — a resubmission with grades changed, people
 * added, removed and moved — compared by `kaohe diff` (read, checked, compared; target diff_10k_ms ≤ 1,000),
 * and the comparison alone on the two checked workbooks.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runDiff } from "../cli/diff";
import { checkWorkbook, resolveRuleset } from "../engine";
import { diffResults } from "../diff/diff";
import { bookInput, largeBook, type GeneratedBook } from "../sample/generate";
import { writeBookStreaming } from "../sample/write";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The first submission edited as a unit resubmits: 2% of grades changed, 20 rows gone, 20 new, 10 moved. */
function resubmitted(book: GeneratedBook): GeneratedBook {
  const grade = book.cadreHeaders.indexOf("本年等次");
  const unit = book.cadreHeaders.indexOf("单位");
  const name = book.cadreHeaders.indexOf("姓名");
  const cadres = book.cadres.map((r) => r.slice());
  for (let i = 0; i < cadres.length; i += 50) cadres[i][grade] = cadres[i][grade] === "称职" ? "优秀" : "称职";
  for (let i = 25; i < 250; i += 25) cadres[i][unit] = cadres[i + 500][unit];
  const removed = new Set(Array.from({ length: 20 }, (_, i) => 1000 + i * 37));
  const kept = cadres.filter((_, i) => !removed.has(i));
  for (let i = 0; i < 20; i++) {
    const r = kept[i * 100].slice();
    r[name] = `新人${i}`;
    kept.push(r);
  }
  return { ...book, cadres: kept };
}

export async function diffFigures(log: (s: string) => void, runs = 5): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-diff-"));
  try {
    const first = largeBook(200, 50, 31);
    const second = resubmitted(first);
    const [a, b] = [path.join(dir, "第一次.xlsx"), path.join(dir, "第二次.xlsx")];
    log("diff: writing two workbooks of 10,000 rows…");
    await writeBookStreaming(a, first);
    await writeBookStreaming(b, second);
    const rs = resolveRuleset("jinan-2022");
    const nullOut = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
    const ts: number[] = [];
    log("diff: kaohe diff…");
    for (let i = 0; i <= runs; i++) {
      const t = process.hrtime.bigint();
      await runDiff(a, b, { ruleset: rs, named: false, json: true, lang: "zh" }, nullOut, nullOut);
      if (i > 0) ts.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const [ra, rb] = [checkWorkbook(bookInput(first), rs), checkWorkbook(bookInput(second), rs)];
    const cs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = process.hrtime.bigint();
      diffResults(ra, rb);
      if (i > 0) cs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { diff_rows: first.cadres.length, diff_10k_ms: round(median(ts)), diff_10k_compare_ms: round(median(cs)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
