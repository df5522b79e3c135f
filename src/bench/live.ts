/**
 * 边填边查's figures (issue 13): one grade typed into a 10,000-row workbook through the fake Excel, from
 * the event to findings and marks updated (the pause in typing not counted), syncs per edit, and the
 * engine's re-check of one unit alone.
 */
import { checkWorkbook, LiveCheck, resolveRuleset } from "../engine";
import { bookInput, largeBook } from "../sample/generate";
import { markFindings } from "../hosts/excel/highlight";
import { LiveValidation, type LiveUpdate } from "../hosts/excel/live";
import { readWorkbook } from "../hosts/excel/read";
import { createFakeExcel } from "../testing/fake-excel";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function liveFigures(log: (s: string) => void): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const rs = resolveRuleset("jinan-2022");
  const input = bookInput(largeBook(500, 20, 31)); // 10,000 cadres in 500 units
  const grade = (input.sheets[1].values[0] as string[]).indexOf("本年等次");

  log("live: engine re-check of one unit in 10,000 rows…");
  const engine = new LiveCheck(input, rs);
  const engineUs: number[] = [];
  for (let i = 0; i < 40; i++) {
    const r = 1 + ((i * 251) % 10000);
    const row = [...engine.workbook.sheets[1].values[r]];
    row[grade] = i % 2 ? "优秀" : "称职";
    const t = process.hrtime.bigint();
    engine.edit([{ sheet: "干部", row: r, values: row }]);
    engineUs.push(Number(process.hrtime.bigint() - t) / 1e3);
  }
  figures.engine_unit_recheck_us = Math.round(median(engineUs));
  const fullMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    checkWorkbook(engine.workbook, rs);
    fullMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  // How many times faster than checking the whole workbook again.
  figures.live_recheck_vs_full = round(median(fullMs) / (figures.engine_unit_recheck_us / 1000));

  log("live: grade edits through the fake Excel…");
  const fake = createFakeExcel(input.sheets.map((s) => ({ name: s.name, values: s.values })));
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = fake.namespace;
  g.Office = { context: { requirements: { isSetSupported: () => true } } };
  const read = await fake.run((ctx) => readWorkbook(ctx as Excel.RequestContext));
  const live = new LiveCheck(read.input, rs);
  const marks = await fake.run((ctx) => markFindings(ctx as Excel.RequestContext, live.result.findings, read.sheets));
  const updates: LiveUpdate[] = [];
  const lv = new LiveValidation(live, read, {
    debounceMs: 0,
    marks: marks.index,
    onUpdate: (u) => updates.push(u),
    onError: (e) => {
      throw e;
    },
  });
  await lv.start();
  const ms: number[] = [];
  const syncs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const before = fake.state.syncs;
    const r = 2 + ((i * 499) % 9990);
    fake.type("干部", `${String.fromCharCode(65 + grade)}${r}`, [[i % 2 ? "优良" : "称职"]]);
    await lv.settle();
    ms.push(updates[updates.length - 1].ms);
    syncs.push(fake.state.syncs - before);
  }
  lv.stop();
  figures.live_edit_10k_ms = round(median(ms));
  figures.live_syncs_per_edit = Math.max(...syncs);
  return figures;
}
