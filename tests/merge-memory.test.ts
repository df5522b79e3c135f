/**
 * `kaohe merge` streams the consolidation: one large return among small ones peaks within 1.5 × checking that
 * return alone (each process of its own, the CLI compiled with tsc as `npm run bench` runs it: tests/helpers/cli-build.ts). Before, the
 * merge held every file's model, the consolidated tables twice and an ExcelJS model of them: 2.1 GB for
 * 100,000 rows where the check took 280 MB.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, renameUnits } from "../src/sample/generate";
import { writeBook, writeBookStreaming } from "../src/sample/write";
import { childEnv, testLib } from "./helpers/cli-build";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-merge-memory-"));
const returned = path.join(dir, "returned");
const ROWS = 50000;

beforeAll(async () => {
  mkdirSync(returned);
  await writeBookStreaming(path.join(returned, "big.xlsx"), largeBook(ROWS / 50, 50, 12));
  for (let i = 0; i < 10; i++)
    await writeBook(
      path.join(returned, `县${String(i + 1).padStart(2, "0")}.xlsx`),
      renameUnits(largeBook(10, 30, 500 + i), `县${i + 1}`),
    );
}, 180000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function peakMb(script: string, ...args: string[]): number {
  const run = spawnSync(process.execPath, [path.join(testLib(), "bench", script), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 120000,
    env: childEnv(),
  });
  const { code, maxRssKb } = JSON.parse(run.stdout.trim().split("\n").pop()!) as { code: number; maxRssKb: number };
  expect(code).toBeLessThan(2);
  return maxRssKb / 1024;
}

it(`merging a ${ROWS.toLocaleString("en")}-row return among 10 small ones peaks within 1.5 × its check`, () => {
  const check = peakMb("peak.js", path.join(returned, "big.xlsx"));
  const merge = peakMb("merge-peak.js", returned, path.join(dir, "汇总.xlsx"));
  process.stdout.write(
    `check ${Math.round(check)} MB, merge ${Math.round(merge)} MB (${(merge / check).toFixed(2)}×)\n`,
  );
  expect(merge).toBeLessThanOrEqual(1.5 * check);
}, 240000);
