/** The incremental engine: after any sequence of edits its findings equal a full check of the same cells. */
import fc from "fast-check";
import { checkWorkbook, resolveRuleset, type WorkbookInput } from "../src/engine";
import { LiveCheck, type RowEdit } from "../src/engine/live";
import { bookInput, largeBook, sampleBook } from "../src/sample/generate";

const GRADES = ["优秀", "称职", "基本称职", "不称职", "不定等次", "", "优良", null];
const TEAM_GRADES = ["优秀", "良好", "一般", "较差", "", "很好"];
const YES_NO = ["是", "否", "", "也许"];

/** Column indexes by header, per sheet. */
function columns(input: WorkbookInput, sheet: string): Map<string, number> {
  const headers = input.sheets.find((s) => s.name === sheet)!.values[0] as string[];
  return new Map(headers.map((h, i) => [h, i]));
}

type Change = { sheet: "班子" | "干部"; row: number; col: string; value: unknown };

function changes(input: WorkbookInput, units: string[]): fc.Arbitrary<Change[]> {
  const cadreRows = input.sheets[1].values.length - 1;
  const teamRows = input.sheets[0].values.length - 1;
  const unitValue = fc.constantFrom(...units, `${units[0]} `, "新设单位", "");
  const cadre = fc.record({
    sheet: fc.constant("干部" as const),
    row: fc.integer({ min: 1, max: cadreRows + 2 }), // a row typed below the table too
    col: fc.constantFrom("本年等次", "本年等次", "单位", "是否正职", "姓名", "2024年度等次", "平时考核得分"),
    value: fc.constant(null as unknown),
  });
  const team = fc.record({
    sheet: fc.constant("班子" as const),
    row: fc.integer({ min: 1, max: teamRows }),
    col: fc.constantFrom("本年班子等次", "单位"),
    value: fc.constant(null as unknown),
  });
  const change = fc.oneof({ weight: 4, arbitrary: cadre }, { weight: 1, arbitrary: team }).chain((c) => {
    const value =
      c.col === "单位"
        ? unitValue
        : c.col === "本年班子等次"
          ? fc.constantFrom(...TEAM_GRADES)
          : c.col === "是否正职"
            ? fc.constantFrom(...YES_NO)
            : c.col === "姓名"
              ? fc.constantFrom("张三", "李四", "", "王五")
              : c.col === "平时考核得分"
                ? fc.constantFrom(95, 85, "", "九十")
                : fc.constantFrom(...GRADES);
    return value.map((v) => ({ ...c, value: v }));
  });
  return fc.array(change, { minLength: 1, maxLength: 5 });
}

/** Applies a burst to the live check the way the add-in does: each changed row read again whole. */
function apply(live: LiveCheck, burst: Change[]): void {
  const input = live.workbook;
  const rows = new Map<string, RowEdit>();
  for (const c of burst) {
    const sheet = input.sheets.find((s) => s.name === c.sheet)!;
    const col = columns(input, c.sheet).get(c.col)!;
    const k = `${c.sheet}:${c.row}`;
    const edit = rows.get(k) ?? { sheet: c.sheet, row: c.row, values: [...(sheet.values[c.row] ?? [])] };
    while (edit.values.length <= col) edit.values.push(null);
    edit.values[col] = c.value;
    rows.set(k, edit);
  }
  live.edit([...rows.values()]);
}

const rs = resolveRuleset("jinan-2022");

function expectEqualToFull(live: LiveCheck): void {
  const full = checkWorkbook(live.workbook, rs);
  expect(live.result.findings).toEqual(full.findings);
  expect(live.result.summary).toEqual(full.summary);
  // The patched model is the model the pane and the result list read: same units, same rows.
  const units = (m: typeof full.model) => m.units.map((u) => [u.key, u.cadres.map((p) => p.r), u.team?.r ?? null]);
  expect(new Set(units(live.result.model).map((u) => JSON.stringify(u)))).toEqual(
    new Set(units(full.model).map((u) => JSON.stringify(u))),
  );
  expect(live.result.model.cadres.map((p) => p.r)).toEqual(full.model.cadres.map((p) => p.r));
}

describe("LiveCheck", () => {
  it("re-checks only the units an edit touches, and says which", () => {
    const input = bookInput(largeBook(50, 20, 3));
    const live = new LiveCheck(input, rs);
    const col = columns(input, "干部").get("本年等次")!;
    const row = [...input.sheets[1].values[25]];
    row[col] = "优良";
    const out = live.edit([{ sheet: "干部", row: 25, values: row }]);
    expect(out.mode).toBe("units");
    expect(out.units).toEqual([String(row[columns(input, "干部").get("单位")!])]);
    expect(out.result.findings.some((f) => f.rule === "D01" && f.cell === `${String.fromCharCode(65 + col)}26`)).toBe(
      true,
    );
    expectEqualToFull(live);
    expect(input.sheets[1].values[25][col]).not.toBe("优良"); // the caller's matrices are left alone
  });

  it("checks in full what it cannot patch: a header row, another sheet, a changed formula", () => {
    const input = bookInput(sampleBook());
    input.sheets.push({ name: "说明", values: [["备注"]] });
    const live = new LiveCheck(input, rs);
    const header = [...input.sheets[1].values[0]];
    header[5] = "本年度等次";
    expect(live.edit([{ sheet: "干部", row: 0, values: header }]).mode).toBe("full");
    expectEqualToFull(live);
    expect(live.edit([{ sheet: "说明", row: 1, values: ["x"] }]).reason).toContain("not an appraisal table");
    const row = [...live.workbook.sheets[1].values[3]];
    expect(live.edit([{ sheet: "干部", row: 3, values: row, formulas: ["=1"] }]).reason).toContain("formula");
    expectEqualToFull(live);
  });

  it("equals a full check after any sequence of edit bursts (sample workbook: every kind of mistake)", () => {
    const base = bookInput(sampleBook());
    const units = [...new Set(base.sheets[0].values.slice(1).map((r) => String(r[1])))];
    fc.assert(
      fc.property(fc.array(changes(base, units), { minLength: 1, maxLength: 6 }), (bursts) => {
        const live = new LiveCheck(base, rs);
        for (const burst of bursts) {
          apply(live, burst);
          expectEqualToFull(live);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the body-wide rules right (Q02 share across units, D04 duplicates)", () => {
    const input = bookInput(largeBook(10, 10, 5, 0));
    const cs = resolveRuleset("civil-servant-2020");
    const live = new LiveCheck(input, cs);
    const c = columns(input, "干部");
    const rows = input.sheets[1].values;
    // Make a third of everyone 优秀, one unit at a time: Q02 appears once the body-wide share is passed.
    for (let r = 1; r < rows.length; r += 3) {
      const row = [...live.workbook.sheets[1].values[r]];
      row[c.get("本年等次")!] = "优秀";
      live.edit([{ sheet: "干部", row: r, values: row }]);
    }
    expect(live.result.findings.some((f) => f.rule === "Q02")).toBe(true);
    expect(live.result.findings).toEqual(checkWorkbook(live.workbook, cs).findings);
    // The same person typed again below the table (same unit and name: no ID column here).
    const copy = [...live.workbook.sheets[1].values[2]];
    live.edit([{ sheet: "干部", row: rows.length + 1, values: copy }]);
    expect(live.result.findings.some((f) => f.rule === "D04")).toBe(true);
    expect(live.result.findings).toEqual(checkWorkbook(live.workbook, cs).findings);
  });

  it("on the Gansu and term-system rulesets too", () => {
    for (const id of [
      "civil-servant-2020+gansu-2024",
      "term-system-2022",
      "public-institution-2023",
      "jinan-2022+gansu-2024",
    ]) {
      const r = resolveRuleset(id);
      const base = bookInput(sampleBook());
      const units = [...new Set(base.sheets[0].values.slice(1).map((x) => String(x[1])))];
      fc.assert(
        fc.property(fc.array(changes(base, units), { minLength: 1, maxLength: 4 }), (bursts) => {
          const live = new LiveCheck(base, r);
          for (const burst of bursts) {
            apply(live, burst);
            const full = checkWorkbook(live.workbook, r);
            expect(live.result.findings).toEqual(full.findings);
          }
        }),
        { numRuns: 20 },
      );
    }
  });
});

describe("LiveCheck on the bundled sample (title row, 单位 merged down each unit's block)", () => {
  it("patches edits inside merged blocks and still equals a full check", async () => {
    const { readXlsx } = await import("../src/xlsx/read");
    const base = await readXlsx(require("path").join(__dirname, "..", "examples", "sample.xlsx"));
    const cadres = base.sheets.find((s) => s.name === "干部")!;
    const header = cadres.values.findIndex((r) => r.includes("本年等次"));
    const col = (h: string) => (cadres.values[header] as unknown[]).indexOf(h);
    // The last row of the table: the merged note line under it is no one's row (an edit there checks in full).
    const lastData = Math.max(
      ...(cadres.merges ?? []).filter((m) => m.startsWith("B")).map((m) => Number(m.split(":")[1].slice(1)) - 1),
    );
    const anchorsOfUnit = (cadres.merges ?? [])
      .filter((m) => m.startsWith("B"))
      .map((m) => Number(m.split(":")[0].slice(1)) - 1);
    const edit = fc.oneof(
      fc.record({
        row: fc.integer({ min: header + 1, max: lastData }),
        col: fc.constant(col("本年等次")),
        value: fc.constantFrom("优秀", "称职", "优良", ""),
      }),
      fc.record({
        row: fc.constantFrom(...anchorsOfUnit),
        col: fc.constant(col("单位")),
        value: fc.constantFrom("市统计局", "新单位"),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (list) => {
        const live = new LiveCheck(base, rs);
        for (const e of list) {
          const row = [...(live.workbook.sheets.find((s) => s.name === "干部")!.values[e.row] ?? [])];
          row[e.col] = e.value;
          const out = live.edit([{ sheet: "干部", row: e.row, values: row }]);
          expect(out.reason ?? out.mode).toBe("units");
          expectEqualToFull(live);
        }
      }),
      { numRuns: 30 },
    );
    const live = new LiveCheck(base, rs);
    const note = [...live.workbook.sheets.find((s) => s.name === "干部")!.values[lastData + 2]];
    note[col("本年等次")] = "优秀";
    expect(live.edit([{ sheet: "干部", row: lastData + 2, values: note }]).mode).toBe("full");
    expectEqualToFull(live);
  });
});
