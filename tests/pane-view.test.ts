/** What the pane shows, from findings and rulesets, without a page. */
import * as path from "path";
import { BUILTIN, checkWorkbook, resolveRuleset, resultList, type Finding } from "../src/engine";
import { readXlsx } from "../src/xlsx/read";
import { choices, groupFindings, paramRows, unitSummary, type Filter } from "../src/ui/view-model";
import { groupedItems, resultTables } from "../src/tables/results";

const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const none: Filter = { severity: "", unit: "", rule: "" };
let findings: Finding[];
const rs = resolveRuleset("jinan-2022");
let model: ReturnType<typeof checkWorkbook>["model"];

beforeAll(async () => {
  const r = checkWorkbook(await readXlsx(SAMPLE), rs);
  findings = r.findings;
  model = r.model;
});

describe("grouping findings", () => {
  it.each(["unit", "rule"] as const)("puts every finding in exactly one group (by %s), counts matching items", (by) => {
    const groups = groupFindings(findings, by, none, () => "", "（全表）");
    const all = groups.flatMap((g) => g.items).sort((a, b) => a - b);
    expect(all).toEqual(findings.map((_, i) => i));
    for (const g of groups) {
      expect(g.counts.error + g.counts.warning + g.counts.info).toBe(g.items.length);
      for (const i of g.items) expect(by === "unit" ? (findings[i].unit ?? "") : findings[i].rule).toBe(g.key);
    }
  });

  it("filters by severity, unit and rule together", () => {
    const unit = findings.find((f) => f.unit)!.unit!;
    const groups = groupFindings(findings, "rule", { severity: "error", unit, rule: "" }, () => "", "");
    const shown = groups.flatMap((g) => g.items.map((i) => findings[i]));
    expect(shown.length).toBe(findings.filter((f) => f.severity === "error" && f.unit === unit).length);
    expect(shown.length).toBeGreaterThan(0);
  });

  it("offers as choices exactly the units and rules that occur, and ranks units by errors", () => {
    const { units, rules } = choices(findings);
    expect(rules.map(([r]) => r)).toEqual([...new Set(findings.map((f) => f.rule))].sort());
    expect(units.reduce((n, [, c]) => n + c, 0)).toBe(findings.length);
    const ranked = unitSummary(findings).map(([, c]) => c.error);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });
});

describe("ruleset parameters in the pane", () => {
  it.each(BUILTIN.filter((b) => b.kind === "base").map((b) => b.id))(
    "lists every parameter of %s with a source",
    (id) => {
      const rows = paramRows(resolveRuleset(id), "zh");
      expect(rows.length).toBeGreaterThan(15);
      for (const r of rows) expect(r.source.length).toBeGreaterThan(0);
    },
  );

  it("shows a figure with the note that gives it", () => {
    const row = paramRows(rs, "zh").find((r) => r.label.startsWith("班子一般"))!;
    expect(row.value).toBe(String(rs.params.teamShares[2]));
    expect(row.source).toContain("优秀比例不超过 10%");
    expect(paramRows(rs, "zh").find((r) => r.label.startsWith("班子良好"))!.local).toBe(true);
  });
});

describe("the result-use sheets", () => {
  it("group the list by measure, then unit, keeping every item", () => {
    const items = resultList(model, rs);
    const grouped = groupedItems(items);
    expect(grouped).toHaveLength(items.length);
    expect(new Set(grouped)).toEqual(new Set(items));
    // each measure is one contiguous block, and within it each unit is one contiguous block
    const blocks = (keys: string[]) => keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
    const measures = grouped.map((i) => i.measure);
    expect(blocks(measures)).toEqual([...new Set(measures)]);
    for (const m of new Set(measures)) {
      const units = grouped.filter((i) => i.measure === m).map((i) => i.unit);
      expect(blocks(units)).toEqual([...new Set(units)]);
    }
  });

  it("link each row to the person's row and list the talks on their own sheet", () => {
    const [list, talks] = resultTables(resultList(model, rs), "zh");
    expect(list.name).toBe("结果运用清单");
    expect(talks.name).toBe("谈话安排");
    expect(talks.rows.length).toBeGreaterThan(0);
    expect(talks.rows.every((r) => /谈话|约谈/.test(String(r[1])))).toBe(true);
    const link = list.rows.find((r) => r[3])![6] as { sheet: string; cell: string };
    expect(link.sheet).toBe(model.cadreSheet!.name);
    expect(link.cell).toMatch(/^[A-Z]+\d+$/);
  });
});

describe("findings from several files (the browser app)", () => {
  it("name their file and their row's unit, name, grade and team grade; one workbook's stay as they are", async () => {
    const { readXlsx } = await import("../src/xlsx/read");
    const { checkWorkbook, resolveRuleset } = await import("../src/engine");
    const { shownFindings, totalSummary } = await import("../src/ui/view-model");
    const path = await import("path");
    const input = await readXlsx(path.join(__dirname, "..", "examples", "sample.xlsx"));
    const result = checkWorkbook(input, resolveRuleset("jinan-2022"));
    const single = shownFindings([{ file: null, result }], "zh");
    expect(single).toEqual(result.findings);
    const shown = shownFindings(
      [
        { file: "a.xlsx", result },
        { file: "b.xlsx", result },
      ],
      "zh",
    );
    expect(shown).toHaveLength(2 * result.findings.length);
    expect(shown.slice(result.findings.length).every((f) => f.file === "b.xlsx")).toBe(true);
    const l02 = shown.find((f) => f.rule === "L02")!;
    expect(l02.row).toMatch(new RegExp(`^${l02.unit} · ${l02.person} · 优秀（班子 一般）$`));
    expect(
      totalSummary([
        { file: "a.xlsx", result },
        { file: "b.xlsx", result },
      ]).errors,
    ).toBe(2 * result.summary.errors);
  });
});
