/**
 * 退回修改件's figures (issue 21): 50 returned files of 300 cadres checked with `kaohe check`, then checked
 * with --annotate, each file's copy written (target: annotate_50_ms ≤ 2 × check_50_ms).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCheck } from "../cli/check";
import { resolveRuleset } from "../engine";
import { largeBook, renameUnits } from "../sample/generate";
import { writeBook } from "../sample/write";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function annotateFigures(log: (s: string) => void, files = 50, runs = 3): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-annotate-"));
  try {
    const returned = path.join(dir, "returned");
    mkdirSync(returned);
    log(`annotate: writing ${files} returned workbooks of 300 cadres…`);
    // A mistake in most units, so that every file has findings and gets a copy.
    for (let i = 0; i < files; i++)
      await writeBook(
        path.join(returned, `县${String(i + 1).padStart(2, "0")}.xlsx`),
        renameUnits(largeBook(10, 30, 700 + i, 0.5), `县${i + 1}`),
      );
    const rs = resolveRuleset("jinan-2022");
    const nullOut = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
    const time = async (annotate?: string) => {
      const ts: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const t = process.hrtime.bigint();
        await runCheck([returned], { ruleset: rs, json: true, lang: "zh", annotate }, nullOut, nullOut);
        if (i > 0) ts.push(Number(process.hrtime.bigint() - t) / 1e6); // the first run warms up
      }
      return median(ts);
    };
    log("annotate: kaohe check, then kaohe check --annotate…");
    const check = await time();
    const out = path.join(dir, "copies");
    const annotate = await time(out);
    return {
      annotate_files: files,
      annotate_copies: readdirSync(out).length,
      check_50_ms: round(check),
      annotate_50_ms: round(annotate),
      annotate_vs_check: round(annotate / check, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
