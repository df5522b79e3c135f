/**
 * 与上次报送比较 (issue 21, item 2): a property — random edits to a workbook (fields changed, people added,
 * removed, renamed and moved where IDs tell who is who, rows shuffled), and the diff lists exactly those
 * edits; without IDs a moved person is said as a possible move and never paired; findings fixed, still
 * there and new; a change nobody asked for is marked so.
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook, resolveRuleset, type SheetInput, type WorkbookInput } from "../src/engine";
import { diffResults } from "../src/diff/diff";
import { writeInput } from "./helpers/history-books";
import { runKaohe } from "./helpers/streams";
import { workbookCells } from "./helpers/xlsx-cells";
import { toXlsb } from "./helpers/legacy-files";

const rs = resolveRuleset("jinan-2022");
const UNITS = ["甲局", "乙局", "丙局"];
const HEAD = ["单位", "姓名", "身份证号", "是否正职", "本年等次", "2024年度等次", "平时考核得分", "备注"];
const FIELDS = ["是否正职", "本年等次", "2024年度等次", "平时考核得分", "备注"] as const;
const VALUES: Record<(typeof FIELDS)[number], unknown[]> = {
  是否正职: ["是", "否"],
  本年等次: ["优秀", "称职", "基本称职", "不称职", ""],
  "2024年度等次": ["优秀", "称职", "基本称职", ""],
  平时考核得分: [85, 92, 97, ""],
  备注: ["", "借调", "=1+1 & <b>", "新任"],
};

type Person = Record<string, unknown>;

function input(people: Person[], withIds: boolean): WorkbookInput {
  const head = withIds ? HEAD : HEAD.filter((h) => h !== "身份证号");
  const teams: SheetInput = { name: "班子", values: [["单位", "本年班子等次"], ...UNITS.map((u) => [u, "良好"])] };
  const cadres: SheetInput = { name: "干部", values: [head, ...people.map((p) => head.map((h) => p[h] ?? ""))] };
  return { sheets: [teams, cadres] };
}

const personArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  是否正职: fc.constantFrom("是", "否"),
  本年等次: fc.constantFrom("优秀", "称职", "基本称职"),
  "2024年度等次": fc.constantFrom("优秀", "称职", ""),
  平时考核得分: fc.constantFrom(85, 92, 97),
  备注: fc.constantFrom("", "借调"),
});

const editArb = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), who: fc.nat(), field: fc.constantFrom(...FIELDS), value: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), who: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), unit: fc.constantFrom(...UNITS) }),
  fc.record({ kind: fc.constant("rename" as const), who: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), who: fc.nat(), unit: fc.constantFrom(...UNITS) }),
);

describe("kaohe diff: the property", () => {
  it("random edits to a workbook: the diff lists exactly those edits, whatever the order of rows", () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 2, maxLength: 25 }),
        fc.array(editArb, { maxLength: 8 }),
        fc.boolean(),
        fc.integer(),
        (base, edits, withIds, seed) => {
          const before: Person[] = base.map((p, i) => ({ ...p, 单位: p.unit, 姓名: `人${i}`, 身份证号: `ID${i}` }));
          const after = before.map((p) => ({ ...p }));
          const touched = new Set<number>();
          const expected = { fields: new Set<string>(), added: new Set<string>(), removed: new Set<string>() };
          const changed = new Map<number, Map<string, [unknown, unknown]>>();
          const note = (i: number, field: string, from: unknown, to: unknown) => {
            if (!changed.has(i)) changed.set(i, new Map());
            const m = changed.get(i)!;
            m.set(field, [m.get(field)?.[0] ?? from, to]);
          };
          let next = before.length;
          for (const e of edits) {
            if (e.kind === "add") {
              after.push({ 单位: e.unit, 姓名: `新${next}`, 身份证号: `ID${next}`, 是否正职: "否", 本年等次: "称职" });
              expected.added.add(`新${next++}`);
              continue;
            }
            const i = e.who % before.length;
            if (touched.has(i) && e.kind === "remove") continue;
            const p = after[i];
            if (p === null || expected.removed.has(String(before[i].姓名))) continue;
            if (e.kind === "remove") {
              expected.removed.add(String(before[i].姓名));
              continue;
            }
            touched.add(i);
            if (e.kind === "set") {
              const values = VALUES[e.field];
              const v = values[e.value % values.length];
              if (String(v) === String(p[e.field] ?? "")) continue;
              note(i, e.field, p[e.field] ?? "", v);
              p[e.field] = v;
            } else if (withIds && e.kind === "rename") {
              note(i, "姓名", p.姓名, `${p.姓名}改`);
              p.姓名 = `${p.姓名}改`;
            } else if (withIds && e.kind === "move" && e.unit !== p.单位) {
              note(i, "单位", p.单位, e.unit);
              p.单位 = e.unit;
            }
          }
          const kept = after.filter((p, i) => i >= before.length || !expected.removed.has(String(before[i].姓名)));
          const shuffled = fc.sample(fc.shuffledSubarray(kept, { minLength: kept.length, maxLength: kept.length }), {
            seed,
            numRuns: 1,
          })[0];
          const d = diffResults(checkWorkbook(input(before, withIds), rs), checkWorkbook(input(shuffled, withIds), rs));
          for (const [i, m] of changed)
            for (const [field, [from, to]] of m)
              if (String(from) !== String(to))
                expected.fields.add(`${after[i].姓名}|${field}|${String(from)}|${String(to)}`);
          const got = d.people.filter((p) => p.change === "changed");
          expect(
            new Set(got.flatMap((p) => p.fields.map((f) => `${p.person}|${f.field}|${f.before}|${f.after}`))),
          ).toEqual(expected.fields);
          expect(new Set(d.people.filter((p) => p.change === "added").map((p) => p.person))).toEqual(expected.added);
          expect(new Set(d.people.filter((p) => p.change === "removed").map((p) => p.person))).toEqual(
            expected.removed,
          );
          for (const p of got) {
            expect(p.renamed !== null).toBe(p.fields.some((f) => f.field === "姓名"));
            expect(p.moved !== null).toBe(p.fields.some((f) => f.field === "单位"));
          }
          expect(d.teams).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("kaohe diff: cases", () => {
  const people = (rows: [string, string, string][]) =>
    rows.map(([单位, 姓名, 本年等次]) => ({ 单位, 姓名, 本年等次, 是否正职: 姓名.endsWith("一") ? "是" : "否" }));
  const first = people([
    ["甲局", "张一", "优秀"],
    ["甲局", "张二", "称职"],
    ["乙局", "李一", "称职"],
    ["乙局", "李二", "称职"],
  ]);

  it("without IDs a moved person is removed here and added there, said as a possible move, never paired", () => {
    const second = people([
      ["甲局", "张一", "优秀"],
      ["乙局", "张二", "称职"],
      ["乙局", "李一", "称职"],
      ["乙局", "李二", "称职"],
    ]);
    const d = diffResults(checkWorkbook(input(first, false), rs), checkWorkbook(input(second, false), rs));
    expect(d.people.map((p) => [p.change, p.unit, p.person, p.elsewhere])).toEqual([
      ["added", "乙局", "张二", ["甲局"]],
      ["removed", "甲局", "张二", ["乙局"]],
    ]);
  });

  it("findings fixed, still there and new; a change no finding asked for is marked so", () => {
    // 甲局 (良好, 2 people) allows no 优秀: Q01 at its team grade. 乙局: nothing wrong.
    const second = people([
      ["甲局", "张一", "称职"], // fixes Q01 (asked: a unit-level finding on 甲局)
      ["甲局", "张二", "称职"],
      ["乙局", "李一", "优秀"], // nobody asked; a new Q01 on 乙局
      ["乙局", "李二", "称职"],
    ]);
    const d = diffResults(checkWorkbook(input(first, false), rs), checkWorkbook(input(second, false), rs));
    expect(d.people.map((p) => [p.person, p.fields.map((f) => [f.field, f.before, f.after, f.asked])])).toEqual([
      ["张一", [["本年等次", "优秀", "称职", true]]],
      ["李一", [["本年等次", "称职", "优秀", false]]],
    ]);
    expect(d.summary).toMatchObject({ changed: 2, fields: 2, unasked: 1, fixed: 1, still: 0, new: 1 });
    expect(d.findings.map((f) => [f.status, f.finding.rule, f.finding.unit])).toEqual([
      ["fixed", "Q01", "甲局"],
      ["new", "Q01", "乙局"],
    ]);
  });
});

describe("kaohe diff on the command line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-diff-"));
  const a = path.join(dir, "第一次.xlsx");
  const b = path.join(dir, "第二次.xlsx");
  beforeAll(async () => {
    const rows = (grade: string, note: string): Person[] => [
      { 单位: "甲局", 姓名: "张一", 身份证号: "ID1", 是否正职: "是", 本年等次: grade, 备注: note },
      { 单位: "甲局", 姓名: "张二", 身份证号: "ID2", 是否正职: "否", 本年等次: "称职" },
      { 单位: "乙局", 姓名: "李一", 身份证号: "ID3", 是否正职: "是", 本年等次: "称职" },
    ];
    await writeInput(a, input(rows("优秀", ""), true));
    const second = rows("称职", '=HYPERLINK("x") <b>&');
    second[1] = { ...second[1], 姓名: "张贰" }; // renamed, found by ID
    await writeInput(b, input(second, true));
  });

  it("--json: the contract of docs/cli.md", async () => {
    const r = await runKaohe("diff", a, b, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["before", "after", "summary", "columns", "people", "teams", "findings"]);
    expect(j.before).toEqual({ file: a, status: "checked", rows: 6 });
    expect(j.summary).toEqual({
      changed: 2,
      fields: 3,
      unasked: 1,
      added: 0,
      removed: 0,
      renamed: 1,
      moved: 0,
      fixed: 1,
      still: 0,
      new: 0,
    });
    expect(j.people[0]).toEqual({
      change: "changed",
      unit: "甲局",
      person: "张一",
      id: "ID1",
      before: "干部!B2",
      after: "干部!B2",
      by: "id",
      renamed: null,
      moved: null,
      elsewhere: [],
      fields: [
        { field: "本年等次", before: "优秀", after: "称职", beforeCell: "干部!E2", afterCell: "干部!E2", asked: true },
        {
          field: "备注",
          before: "",
          after: '=HYPERLINK("x") <b>&',
          beforeCell: "干部!H2",
          afterCell: "干部!H2",
          asked: true,
        },
      ],
    });
    expect(j.people[1]).toMatchObject({ person: "张贰", renamed: { from: "张二", to: "张贰" }, by: "id" });
    expect(j.findings).toEqual([expect.objectContaining({ status: "fixed", rule: "Q01", unit: "甲局" })]);
  });

  it("text, and --out 对比.xlsx: our own output (merge passes it over), text stays text", async () => {
    const out = path.join(dir, "对比.xlsx");
    const r = await runKaohe("diff", a, b, "--out", out);
    expect(r.out).toContain("人员：修改 2 人（3 项，其中未被要求 1 项）");
    expect(r.out).toContain("更名 张二 → 张贰");
    expect(r.out).toContain("问题：已改正 1，仍存在 0，新出现 0");
    const cells = await workbookCells(readFileSync(out));
    expect(Object.keys(cells)).toEqual(["对比", "问题对比"]);
    expect(Object.values(cells["对比"].cells)).toContain('=HYPERLINK("x") <b>&');
    const m = await runKaohe("merge", out, a, "--out", path.join(dir, "汇总.xlsx"));
    expect(m.out).toContain("是 kaohe 写出的对比表");
  });

  it("a resubmission saved as .xlsb is compared as its .xlsx would be", async () => {
    const xlsb = path.join(dir, "第二次.xlsb");
    toXlsb(b, xlsb);
    const asXlsx = JSON.parse((await runKaohe("diff", a, b, "--json")).out);
    const asXlsb = JSON.parse((await runKaohe("diff", a, xlsb, "--json")).out);
    expect(asXlsb.summary).toEqual(asXlsx.summary);
    expect(asXlsb.people).toEqual(asXlsx.people);
    expect(asXlsb.findings).toEqual(asXlsx.findings);
  });

  it("refuses one workbook, and an unusable one is exit status 2", async () => {
    expect((await runKaohe("diff", a)).code).toBe(2);
    const bad = path.join(dir, "坏.xlsx");
    writeFileSync(bad, "x");
    const r = await runKaohe("diff", a, bad);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`✗ ${bad}`);
  });
});
