/**
 * 边填边查 in WPS against the fake WPS: after every burst of edits the findings and the marks equal a full
 * check, its own writes never re-enter, and stopping removes the listener.
 */
import fc from "fast-check";
import { applyEdit, GRADE_COL, liveEdit } from "./helpers/live-edits";
import { checkWorkbook, LiveCheck, resolveRuleset } from "../src/engine";
import { largeBook, sampleBook } from "../src/sample/generate";
import { reportTable } from "../src/tables/report";
import { createFakeWps, type FakeWps } from "../src/testing/fake-wps";
import { readWorkbook } from "../src/hosts/wps/read";
import { wpsHost } from "../src/hosts/wps";
import { bgr } from "../src/hosts/wps/et";
import type { LiveUpdate } from "../src/ui/host";
import { MARK_FILL, MARK_FORMULA } from "../src/ui/marks";
import { asApp, wpsBookSpecs } from "./helpers/fake-wps-book";

const rs = resolveRuleset("jinan-2022");

async function startLive(fake: FakeWps, marks = false) {
  const host = wpsHost(asApp(fake.app), "", "Linux");
  const wb = host.workbook!;
  const read = await wb.read();
  const live = new LiveCheck(read.input, rs);
  if (marks) await wb.mark(live.result.findings, read.sheets);
  const updates: LiveUpdate[] = [];
  const errors: unknown[] = [];
  const session = await wb.startLive(live, read, { onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
  const settle = async () => {
    // The runner waits 300 ms for a pause in typing; the fake raises events on the next tick.
    await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 350));
  };
  return { host, wb, session, live, updates, errors, settle };
}

async function fullCheck(fake: FakeWps) {
  return checkWorkbook((await readWorkbook(asApp(fake.app))).input, rs);
}

/** The fake's cells marked by the add-in, with their colour. */
function marked(fake: FakeWps, sheet: string): Map<string, number> {
  const s = fake.state.sheets.find((x) => x.name === sheet)!;
  const out = new Map<string, number>();
  for (const cf of s.conditions.filter((c) => c.formula1 === MARK_FORMULA))
    for (const cell of cf.ranges.split(",")) out.set(cell.replace(/\$/g, ""), cf.color!);
  return out;
}

describe("边填边查 against the fake WPS", () => {
  it("re-checks a typed grade's unit, reading only its row, and the mark appears and goes", async () => {
    const fake = createFakeWps(wpsBookSpecs(largeBook(20, 10, 2, 0)));
    const { session, updates, errors, settle } = await startLive(fake, true);
    const calls = fake.state.calls;
    fake.type("干部", `${GRADE_COL}5`, [["优良"]]);
    await settle();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0].outcome.mode).toBe("units");
    expect(fake.state.calls - calls).toBeLessThan(40); // the row and the marks of one sheet, not the workbook
    expect(updates[0].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    expect(marked(fake, "干部").get(`${GRADE_COL}5`)).toBe(bgr(MARK_FILL.error));
    fake.type("干部", `${GRADE_COL}5`, [["称职"]]);
    await settle();
    expect(updates[1].outcome.result.findings).toEqual((await fullCheck(fake)).findings);
    expect(marked(fake, "干部").has(`${GRADE_COL}5`)).toBe(false);
    session.stop();
    expect(fake.state.handlers.get("SheetChange")).toEqual([]);
  });

  it("reads everything again after inserted rows", async () => {
    const fake = createFakeWps(wpsBookSpecs(largeBook(10, 10, 4, 0)));
    const { updates, settle } = await startLive(fake);
    fake.insertRows("干部", 3, 2);
    await settle();
    expect(updates.at(-1)!.outcome.mode).toBe("full");
    expect(updates.at(-1)!.outcome.result.findings).toEqual((await fullCheck(fake)).findings);
  });

  it("never re-checks its own writes", async () => {
    const fake = createFakeWps(wpsBookSpecs(sampleBook()));
    const { wb, live, updates, settle } = await startLive(fake, true);
    await wb.writeTables([reportTable(live.result, "zh", "2026-12-01 10:00")]);
    await wb.clearMarks();
    await settle();
    expect(fake.state.sheets.some((s) => s.name === "校验报告")).toBe(true);
    expect(updates).toEqual([]);
    expect(fake.state.events).toEqual([]); // events were off while it wrote
    expect(fake.state.enableEvents).toBe(true);
  });

  it("after any bursts of edits — grades, team grades, units, inserted rows, pastes — equals a full check, marks included", async () => {
    const book = sampleBook();
    const edit = liveEdit(book, { deletes: false });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        async (bursts) => {
          const fake = createFakeWps(wpsBookSpecs(book));
          const { session, updates, errors, settle } = await startLive(fake, true);
          for (const burst of bursts) {
            for (const e of burst) applyEdit(fake, e);
            await settle();
            expect(errors).toEqual([]);
            const full = await fullCheck(fake);
            expect(updates.at(-1)!.outcome.result.findings).toEqual(full.findings);
            const cells = new Set(
              full.findings.filter((f) => f.sheet === "干部" && /\d/.test(f.cell)).map((f) => f.cell),
            );
            expect(new Set(marked(fake, "干部").keys())).toEqual(cells);
          }
          session.stop();
        },
      ),
      { numRuns: 8 },
    );
  }, 120000);
});
