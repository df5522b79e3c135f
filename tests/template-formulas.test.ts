/**
 * The plain template's formulas recalculated by a second, real formula engine (HyperFormula, tests only)
 * and held against the engine: 优秀上限 for every n from 0 to 500 under every built-in ruleset and varied
 * arithmetic, and random fills whose 参评人数, 优秀上限, 已定优秀, 状态 and 提示 equal the engine's verdicts.
 */
import fc from "fast-check";
import { HyperFormula, DetailedCellError } from "hyperformula";
import {
  BUILTIN,
  checkWorkbook,
  computeQuota,
  EXCELLENT,
  HINT_RULE_IDS,
  isGraded,
  resolveRuleset,
  SCALES,
  teamScaleOf,
  type ResolvedRuleset,
  type SheetInput,
} from "../src/engine";
import { countGrade, participants } from "../src/engine/rules/helpers";
import { buildTemplate, HEADER_ROW, type Template, type TemplateSheet } from "../src/template/spec";
import { HINT_RULES } from "../src/template/hint-rules";

const FIRST = HEADER_ROW + 1;
type Cell = string | number | boolean | null;

/** A template sheet as HyperFormula takes it: rows above the header, header, data rows with formulas. */
function grid(sheet: TemplateSheet, data: Cell[][]): Cell[][] {
  const rows: Cell[][] = [[sheet.title], sheet.columns.map(() => null), sheet.columns.map((c) => c.header)];
  for (let i = 0; i < sheet.rows; i++) {
    const r = FIRST + i;
    rows.push(sheet.columns.map((col, c) => (col.formula ? col.formula(r) : (data[i]?.[c] ?? null))));
  }
  return rows;
}

/** HyperFormula wants non-ASCII sheet names quoted ('规则'!B2); Excel, WPS and LibreOffice take them bare. */
const quoted = (rows: Cell[][]) =>
  rows.map((r) =>
    r.map((v) => (typeof v === "string" && v.startsWith("=") ? v.replace(/(班子|干部|规则)!/g, "'$1'!") : v)),
  );

function workbook(t: Template, teams: Cell[][], cadres: Cell[][]): HyperFormula {
  return HyperFormula.buildFromSheets(
    { 班子: quoted(grid(t.teams, teams)), 干部: quoted(grid(t.cadres, cadres)), 规则: t.rules as Cell[][] },
    { licenseKey: "gpl-v3" },
  );
}

const shown = (v: unknown) => (v instanceof DetailedCellError ? `#ERR ${v.value}` : v);

const rulesets = BUILTIN.map((b) => resolveRuleset(b.id)).concat(
  ["jinan-2022+gansu-2024", "civil-servant-2020+gansu-2024", "civil-servant-2020+zhejiang-township-2018"].map(
    resolveRuleset,
  ),
);

describe("优秀上限 in the plain template is the engine's computeQuota", () => {
  // Every built-in ruleset as it is, then each rounding and minimum over shares whose basis points make
  // n × share land one short of, or exactly on, a whole number (3 × 33.33%, 8 × 12.5%, …).
  const odd: [number, number, number, number] = [33.33, 12.5, 0.5, 99.99];
  const configs: ResolvedRuleset[] = [
    ...rulesets,
    ...(["floor", "round-half-up", "ceil"] as const).flatMap((rounding) =>
      [0, 1].map((minimum) => {
        const base = resolveRuleset("jinan-2022");
        return {
          ...base,
          id: `jinan-2022/${rounding}/${minimum}`,
          params: { ...base.params, quota: { ...base.params.quota, rounding, minimum }, teamShares: odd },
        };
      }),
    ),
  ];

  it("has no 优秀上限 or 状态 where the ruleset has no cap by team grade (Q01): civil servants, institutions", () => {
    for (const rs of rulesets.filter((r) => !r.rules.Q01)) {
      const headers = buildTemplate(rs, { year: 2025 }).teams.columns.map((c) => c.header);
      expect(headers).not.toContain("优秀上限");
      expect(headers).not.toContain("状态");
      expect(headers).toContain("已定优秀");
    }
    expect(rulesets.filter((r) => !r.rules.Q01).length).toBeGreaterThan(0);
  });

  it.each(configs.filter((rs) => rs.rules.Q01).map((rs) => [rs.id, rs] as const))(
    "for n from 0 to 500 and every team grade: %s",
    (_, rs) => {
      const grades = [...SCALES[teamScaleOf(rs)].labels]; // 优秀…较差, or the term system's 一类…四类
      const rows = grades.length * 501;
      const t = buildTemplate(rs, { year: 2025, teamRows: rows, cadreRows: 1 });
      const col = (h: string) => t.teams.columns.findIndex((c) => c.header === h);
      // 参评人数 given as a figure: the quota formula alone is under test.
      t.teams.columns[col("参评人数")] = { ...t.teams.columns[col("参评人数")], formula: undefined };
      const teams: Cell[][] = [];
      for (const g of grades)
        for (let n = 0; n <= 500; n++) teams.push([null, `单位${teams.length}`, null, g, null, null, n]);
      const hf = workbook(t, teams, []);
      const sheet = hf.getSheetId("班子")!;
      const wrong: object[] = [];
      for (let i = 0; i < rows; i++) {
        const g = grades.indexOf(teams[i][3] as string);
        const n = teams[i][6] as number;
        const got = shown(hf.getCellValue({ sheet, row: FIRST - 1 + i, col: col("优秀上限") }));
        const want = computeQuota(n, rs.params.teamShares[g], rs.params.quota).quota;
        if (got !== want) wrong.push({ grade: grades[g], n, got, want });
      }
      hf.destroy();
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );
});

describe("a randomly filled plain template, recalculated, says what the engine says", () => {
  const TEAM = ["优秀", "良好", "一般", "较差", ""];
  const person = fc.record({
    unit: fc.integer({ min: 0, max: 3 }),
    principal: fc.constantFrom("是", "否", ""),
    grade: fc.constantFrom("优秀", "称职", "基本称职", "不称职", "不定等次", ""),
    score: fc.oneof(fc.constant(null), fc.integer({ min: 60, max: 100 }), fc.constantFrom("88", "95")),
    political: fc.constantFrom("好", "较好", "一般", "较差", ""),
    sanction: fc.constantFrom("", "", "警告", "诫勉", "政务记过", "记大过", "撤销党内职务", "开除党籍"),
    tolerated: fc.constantFrom("是", "否", ""),
  });
  const fill = fc.record({
    ruleset: fc.constantFrom(...rulesets.filter((r) => r.scale === "cadre").map((r) => r.id)),
    teams: fc.array(fc.constantFrom(...TEAM), { minLength: 1, maxLength: 4 }),
    people: fc.array(person, { minLength: 0, maxLength: 30 }),
  });

  it("参评人数, 优秀上限, 已定优秀, 状态 and 提示 equal the engine's, and the audit finds nothing to say (≥ 200 fills)", () => {
    fc.assert(
      fc.property(fill, ({ ruleset: id, teams: teamGrades, people }) => {
        const rs = resolveRuleset(id);
        const t = buildTemplate(rs, { year: 2025, teamRows: teamGrades.length, cadreRows: Math.max(1, people.length) });
        const tc = (h: string) => t.teams.columns.findIndex((c) => c.header === h);
        const cc = (h: string) => t.cadres.columns.findIndex((c) => c.header === h);
        const teams = teamGrades.map((g, i) => {
          const row: Cell[] = [];
          row[tc("单位")] = `单位${i}`;
          row[tc("本年班子等次")] = g || null;
          return row;
        });
        const cadres = people.map((p, i) => {
          const row: Cell[] = [];
          row[cc("单位")] = `单位${p.unit}`;
          row[cc("姓名")] = `人${i}`;
          row[cc("是否正职")] = p.principal || null;
          row[cc("本年等次")] = p.grade || null;
          row[cc("平时考核得分")] = p.score;
          row[cc("政治素质")] = p.political || null;
          row[cc("处分或处理")] = p.sanction || null;
          row[cc("容错认定")] = p.tolerated || null;
          return row;
        });
        const hf = workbook(t, teams, cadres);
        // The sheets as the checker reads them: the values HyperFormula computed, the formulas the template holds.
        const sheetInput = (name: string, sheet: TemplateSheet, data: Cell[][]): SheetInput => {
          const values = (hf.getSheetValues(hf.getSheetId(name)!) as unknown[][]).map((r) =>
            r.map((v) => (v instanceof DetailedCellError ? v.value : v)),
          );
          const formulas = grid(sheet, data).map((r) =>
            r.map((v) => (typeof v === "string" && v.startsWith("=") ? v : null)),
          );
          return { name, values, formulas, merges: [`A1:${String.fromCharCode(64 + sheet.columns.length)}1`] };
        };
        const input = {
          sheets: [
            sheetInput("班子", t.teams, teams),
            sheetInput("干部", t.cadres, cadres),
            { name: "规则", values: t.rules },
          ],
        };
        hf.destroy();
        const r = checkWorkbook(input, rs);
        expect(r.findings.filter((f) => f.rule.startsWith("A"))).toEqual([]);
        for (const [i] of teamGrades.entries()) {
          const row = input.sheets[0].values[FIRST - 1 + i];
          const u = r.model.unitByKey.get(`单位${i}`)!;
          const pool = participants(u.cadres, rs.params.quota);
          const capped = rs.rules.Q01 !== undefined; // no Q01: no 优秀上限 / 状态 columns at all
          const quota =
            capped && isGraded(u.teamGrade)
              ? computeQuota(pool.length, rs.params.teamShares[u.teamGrade], rs.params.quota).quota
              : "";
          const count = countGrade(pool, EXCELLENT);
          expect({
            unit: u.name,
            n: row[tc("参评人数")],
            quota: capped ? row[tc("优秀上限")] : "",
            count: row[tc("已定优秀")],
            status: capped ? row[tc("状态")] : "",
          }).toEqual({
            unit: u.name,
            n: pool.length,
            quota,
            count,
            status: quota !== "" && count > quota ? "超出优秀上限" : "",
          });
        }
        const hint = cc("提示");
        for (const [i] of people.entries()) {
          const rowNo = FIRST + i;
          const text = String(input.sheets[1].values[rowNo - 1][hint] ?? "");
          const shownIds = [...new Set(text.match(/[A-Z]\d\d/g) ?? [])].sort();
          const engineIds = [
            ...new Set(
              r.findings
                .filter(
                  (f) =>
                    f.sheet === "干部" && f.cell.replace(/^[A-Z]+/, "") === String(rowNo) && HINT_RULE_IDS.has(f.rule),
                )
                .map((f) => f.rule),
            ),
          ].sort();
          expect({ row: rowNo, ruleset: rs.id, shownIds }).toEqual({ row: rowNo, ruleset: rs.id, shownIds: engineIds });
        }
      }),
      { numRuns: 220 },
    );
  }, 240000);

  it("states exactly the one-row rules the engine checks, no more, no fewer", () => {
    expect(HINT_RULES.map((h) => h.id).sort()).toEqual([...HINT_RULE_IDS].sort());
  });
});
