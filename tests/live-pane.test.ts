/** 「边填边查」 against the fake Excel: change events as Office.js gives them, re-checks, marks, own writes. */
import fc from "fast-check";
import { applyEdit, GRADE_COL, liveEdit } from "./helpers/live-edits";
import { checkWorkbook, LiveCheck, resolveRuleset } from "../src/engine";
import { largeBook, sampleBook } from "../src/sample/generate";
import { readWorkbook } from "../src/hosts/excel/read";
import { clearMarks, markFindings, MARK_FORMULA } from "../src/hosts/excel/highlight";
import { LiveValidation, withEventsOff, type LiveUpdate } from "../src/hosts/excel/live";
import { writeTable } from "../src/hosts/excel/write-table";
import { reportTable } from "../src/tables/report";
import { createFakeExcel, type FakeExcel } from "../src/testing/fake-excel";
import { bookSpecs, run } from "./helpers/fake-book";

const rs = resolveRuleset("jinan-2022");

/** Installs the fake as Excel and an Office whose requirement sets stop at the fake's level. */
function host(fake: FakeExcel): void {
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = fake.namespace;
  g.Office = {
    context: {
      diagnostics: { host: "Excel", platform: fake.state.web ? "OfficeOnline" : "PC", version: "16.0" },
      requirements: {
        isSetSupported: (set: string, v: string) =>
          set === "ExcelApi" && Number(`1.${v.split(".")[1].padStart(2, "0")}`) <= fake.state.excelApi,
      },
    },
  };
}

async function startLive(fake: FakeExcel, marks = false) {
  host(fake);
  const read = await run(fake, (ctx) => readWorkbook(ctx));
  const live = new LiveCheck(read.input, rs);
  const index = marks ? (await run(fake, (ctx) => markFindings(ctx, live.result.findings, read.sheets))).index : null;
  const updates: LiveUpdate[] = [];
  const errors: unknown[] = [];
  const lv = new LiveValidation(live, read, {
    debounceMs: 5,
    marks: index,
    onUpdate: (u) => updates.push(u),
    onError: (e) => errors.push(e),
  });
  await lv.start();
  return { lv, live, updates, errors };
}

/** What a full check of the fake's cells finds now. */
async function fullCheck(fake: FakeExcel) {
  const read = await run(fake, (ctx) => readWorkbook(ctx));
  return checkWorkbook(read.input, rs);
}

/** The fake's marked cells with their fill, from its conditional formats. */
function marked(fake: FakeExcel, sheet: string): Map<string, string> {
  const s = fake.state.sheets.find((x) => x.name === sheet)!;
  const out = new Map<string, string>();
  for (const cf of s.conditionalFormats.filter((c) => c.formula === MARK_FORMULA))
    for (const cell of cf.ranges.split(",")) out.set(cell, cf.fill!);
  return out;
}

describe("边填边查 against the fake Excel", () => {
  it("re-checks a typed grade's unit in at most 2 syncs, and the mark appears and goes", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(20, 10, 2, 0)));
    const { lv, updates, errors } = await startLive(fake, true);
    const syncs = fake.state.syncs;
    fake.type("干部", `${GRADE_COL}5`, [["优良"]]);
    await lv.settle();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0].outcome.mode).toBe("units");
    expect(fake.state.syncs - syncs).toBeLessThanOrEqual(2);
    expect(updates[0].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    expect(marked(fake, "干部").get(`${GRADE_COL}5`)).toBe("#F8D7DA");
    fake.type("干部", `${GRADE_COL}5`, [["称职"]]);
    await lv.settle();
    expect(updates).toHaveLength(2);
    expect(updates[1].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    expect(marked(fake, "干部").has(`${GRADE_COL}5`)).toBe(false);
    lv.stop();
  });

  it("waits for a pause: a burst of typing is one re-check", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 3, 0)));
    const { lv, updates } = await startLive(fake);
    for (const r of [3, 4, 5, 6]) fake.type("干部", `${GRADE_COL}${r}`, [["优秀"]]);
    await lv.settle();
    expect(updates).toHaveLength(1);
    expect(updates[0].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
  });

  it("reads everything again after inserted rows or a large paste", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(10, 10, 4, 0)));
    const { lv, updates } = await startLive(fake);
    fake.insertRows("干部", 3, 2);
    await lv.settle();
    expect(updates.at(-1)!.outcome.mode).toBe("full");
    fake.deleteRows("干部", 3, 2);
    await lv.settle();
    expect(updates.at(-1)!.outcome.mode).toBe("full");
    expect(updates.at(-1)!.outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    const big = Array.from({ length: 600 }, () => ["优秀"]);
    fake.type("干部", `${GRADE_COL}2`, big);
    await lv.settle();
    expect(updates.at(-1)!.outcome.mode).toBe("full");
    expect(updates.at(-1)!.outcome.result.findings).toEqual((await fullCheck(fake)).findings);
  });

  it("never re-checks its own writes: triggerSource on ExcelApi 1.14+, events off below", async () => {
    for (const level of [1.17, 1.13]) {
      const fake = createFakeExcel(bookSpecs(sampleBook()), { excelApi: level });
      const { lv, live, updates } = await startLive(fake);
      const table = reportTable(live.result, "zh", "2026-12-01 10:00");
      await withEventsOff((ctx) => writeTable(ctx, table));
      await new Promise((r) => setTimeout(r, 30));
      await lv.settle();
      expect(fake.state.sheets.some((s) => s.name === "校验报告")).toBe(true);
      expect(updates).toEqual([]);
      if (level >= 1.14) expect(fake.state.events.some((e) => e.triggerSource === "ThisLocalAddin")).toBe(true);
      else expect(fake.state.events).toEqual([]); // events were off while writing
      expect(fake.state.eventsEnabled).toBe(true);
    }
  });

  it("listens sheet by sheet on a host without ExcelApi 1.9", async () => {
    const fake = createFakeExcel(bookSpecs(sampleBook()), { excelApi: 1.08 });
    const { lv, updates } = await startLive(fake);
    expect(fake.state.handlers.workbook).toHaveLength(0);
    expect([...fake.state.handlers.sheets.keys()].sort()).toEqual(["干部", "班子"].sort());
    fake.type("班子", "D3", [["较差"]]);
    await lv.settle();
    expect(updates).toHaveLength(1);
    expect(updates[0].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
  });

  it("after any sequence of edits — grades, team grades, units, inserted and deleted rows, pastes — equals a full check", async () => {
    const book = sampleBook();
    const edit = liveEdit(book, { deletes: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (bursts) => {
          const fake = createFakeExcel(bookSpecs(book));
          const { lv, updates, errors } = await startLive(fake, true);
          for (const burst of bursts) {
            for (const e of burst) applyEdit(fake, e);
            await lv.settle();
            expect(errors).toEqual([]);
            const full = await fullCheck(fake);
            expect(updates.at(-1)!.outcome.result.findings).toEqual(full.findings);
            // The marks follow: every marked cell is a finding's cell, and every finding's cell is marked.
            const cells = new Set(full.findings.filter((f) => f.sheet === "干部" && f.cell).map((f) => f.cell));
            expect(new Set(marked(fake, "干部").keys())).toEqual(cells);
          }
          lv.stop();
        },
      ),
      { numRuns: 12 },
    );
  }, 60000);
});

/** What real Excel does that a kind fake would not (issue 24), each taught to the fake with its source. */
describe("边填边查 as real Excel raises events", () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("a re-check that starts while the user edits a cell waits for the edit to end (delayForCellEdit)", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 5, 0)));
    const { lv, updates, errors } = await startLive(fake);
    fake.type("干部", `${GRADE_COL}5`, [["优良"]]);
    fake.state.editMode = true; // typing in the next cell already
    await wait(60);
    expect(errors).toEqual([]);
    fake.state.editMode = false;
    await lv.settle();
    expect(errors).toEqual([]);
    expect(fake.state.delayed).toBeGreaterThan(0);
    expect(updates.at(-1)!.outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    lv.stop();
  });

  it("a batch that fails puts its changes back: they are re-checked, not dropped", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 6, 0)), { excelApi: 1.1 }); // no delayForCellEdit
    const { lv, updates, errors } = await startLive(fake);
    fake.type("干部", `${GRADE_COL}5`, [["优良"]]);
    fake.state.editMode = true;
    for (let i = 0; i < 100 && !errors.length; i++) await wait(10);
    expect(errors.length).toBeGreaterThan(0); // said in the pane, as before
    fake.state.editMode = false;
    fake.type("干部", `${GRADE_COL}9`, [["称职"]]);
    await lv.settle();
    const findings = updates.at(-1)!.outcome.result.findings;
    expect(findings).toEqual((await fullCheck(fake)).findings);
    expect(findings.some((f) => f.sheet === "干部" && f.cell === `${GRADE_COL}5`)).toBe(true);
    lv.stop();
  });

  it("removes its handlers when stopped: restarting adds none (EventHandlerResult.remove)", async () => {
    const fake = createFakeExcel(bookSpecs(sampleBook()));
    for (let i = 0; i < 3; i++) {
      const { lv } = await startLive(fake);
      expect(fake.state.handlers.workbook).toHaveLength(1);
      lv.stop();
      await lv.detached();
    }
    expect(fake.state.handlers.workbook).toEqual([]);
    expect(fake.state.handlers.sorted).toEqual([]);
  });

  it("addresses a sheet by its id: a rename raises no event, and the next edit reads everything again", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 7, 0)));
    const { lv, updates, errors } = await startLive(fake, true);
    fake.type("干部", `${GRADE_COL}5`, [["优良"]]); // marked, so the marks are asked for by sheet too
    await lv.settle();
    fake.renameSheet("干部", "干部2025");
    fake.type("干部2025", `${GRADE_COL}6`, [["优良"]]);
    await lv.settle();
    expect(errors).toEqual([]);
    expect(updates.at(-1)!.outcome.mode).toBe("full");
    expect(updates.at(-1)!.outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    expect(updates.at(-1)!.read.sheets.map((s) => s.name)).toContain("干部2025");
    const cells = new Set(
      updates
        .at(-1)!
        .outcome.result.findings.filter((f) => f.sheet === "干部2025")
        .map((f) => f.cell),
    );
    expect(new Set(marked(fake, "干部2025").keys())).toEqual(cells);
    lv.stop();
  });

  it("reads everything again after a sort (onRowSorted, never onChanged)", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 8, 0)));
    const { lv, updates, errors } = await startLive(fake, true);
    fake.sortRows("干部", 1, 50, 2);
    await lv.settle();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0].outcome.mode).toBe("full");
    expect(updates[0].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    lv.stop();
  });

  it("on the web a dropdown pick raises no onChanged (office-js #4066): the row is re-checked as the selection moves on", async () => {
    const fake = createFakeExcel(bookSpecs(largeBook(5, 10, 9, 0)), { web: true });
    const { lv, updates, errors } = await startLive(fake);
    fake.select("干部", `${GRADE_COL}5`);
    fake.pick("干部", `${GRADE_COL}5`, "不称职");
    await lv.settle();
    expect(fake.state.events).toEqual([]); // Excel said nothing of the pick
    fake.select("干部", `${GRADE_COL}6`);
    await lv.settle();
    expect(errors).toEqual([]);
    const findings = updates.at(-1)!.outcome.result.findings;
    expect(findings).toEqual((await fullCheck(fake)).findings);
    expect(updates.at(-1)!.outcome.mode).toBe("units");
    lv.stop();
  });

  it.each([1.17, 1.13])(
    "keeps marks right when Ctrl+Z brought one back under a new id (office-js #6396), and clears them all (ExcelApi %s)",
    async (excelApi) => {
      const fake = createFakeExcel(bookSpecs(largeBook(10, 10, 2, 0)), { excelApi });
      const { lv, updates, errors } = await startLive(fake, true);
      fake.type("干部", `${GRADE_COL}5`, [["优良"]]);
      await lv.settle();
      const cadres = fake.state.sheets.find((s) => s.name === "干部")!;
      const ours = cadres.conditionalFormats.find(
        (c) => c.formula === MARK_FORMULA && c.ranges.split(",").includes(`${GRADE_COL}5`),
      )!;
      fake.restoreByUndo("干部", ours.id);
      fake.type("干部", `${GRADE_COL}5`, [["称职"]]);
      await lv.settle();
      expect(errors).toEqual([]);
      const full = await fullCheck(fake);
      expect(updates.at(-1)!.outcome.result.findings).toEqual(full.findings);
      const cells = new Set(full.findings.filter((f) => f.sheet === "干部" && f.cell).map((f) => f.cell));
      expect(new Set(marked(fake, "干部").keys())).toEqual(cells);
      fake.type("干部", `${GRADE_COL}7`, [["优良"]]);
      await lv.settle();
      lv.stop();
      const mark = cadres.conditionalFormats.find(
        (c) => c.formula === MARK_FORMULA && c.ranges.includes(`${GRADE_COL}7`),
      );
      fake.restoreByUndo("干部", mark!.id);
      const cleared = await run(fake, (ctx) => clearMarks(ctx, lv.markIndex));
      expect(cleared.cleared).toBeGreaterThan(0);
      expect(marked(fake, "干部").size).toBe(0);
    },
  );
});
