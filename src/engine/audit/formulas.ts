/**
 * Formula-level audit of a returned template (rules.md §9, A03–A06), over the formula columns the
 * template computes: 参评人数, 优秀上限, 已定优秀, 状态 on 班子, 校验 on 干部.
 * - A03 a data row's cell holds a typed constant where its column holds formulas;
 * - A04 a formula differs from the rest of its column (relative R1C1 form, majority as reference);
 * - A05 a KH.* formula refers to another row where the column's formula does not;
 * - A06 a cached value disagrees with what the engine computes for the row.
 * A pass over a built model (audit/pass.ts), so the rule modules (bundled with the KH functions) stay small.
 */
import { EXCELLENT, isGraded, gradeLabel } from "../grades";
import { a1 } from "../model/a1";
import type { CadreCol, TeamCol } from "../model/columns";
import type { AuditIssue, CadreRow, CellRef, FormulaReference, Model, SheetCells } from "../model/types";
import { computeQuota } from "../quota";
import { checkRow, firstBreach, HINT_RULE_IDS, type RowArgs } from "../row";
import type { ResolvedRuleset } from "../ruleset/resolve";
import { countGrade, participants } from "../rules/helpers";
import { cellText, isBlank } from "../text";
import { fromR1C1, isKhFormula, normalizeFormula, outsideRowRefs, toR1C1 } from "./r1c1";

export type { AuditIssue, SheetCells } from "../model/types";

/** The status text of the template's 状态 column when 已定优秀 passes 优秀上限. */
export const STATUS_OVER = "超出优秀上限";

const TEAM_FORMULA_COLS = ["participants", "quota", "excellentCount", "status"] as const satisfies readonly TeamCol[];
const CADRE_FORMULA_COLS = ["check", "hint"] as const satisfies readonly CadreCol[];
/** Several sanctions in one cell: the 提示 formula reads one, so E05 is not compared there. */
const SEVERAL = /[,，、;；/|和及]/;

function mode(xs: string[]): string | null {
  const n = new Map<string, number>();
  let best: string | null = null;
  for (const x of xs) {
    const k = (n.get(x) ?? 0) + 1;
    n.set(x, k);
    if (best === null || k > n.get(best)!) best = x;
  }
  return best;
}

interface Row {
  r: number;
  /** The row's sanction cell names several (the 提示 formula states E05 for one only). */
  several?: boolean;
  unit?: string;
  person?: string;
  /** What the engine computes there (undefined: nothing to compare); asked only for a shown value. */
  expected: () => string | number | undefined;
}

interface Column {
  sheet: string;
  header: string;
  c: number;
  headerRow: number;
  /** How a shown value is compared: as it is, or as a set of rule ids (提示). */
  compare?: "value" | "ruleSet";
  /** Rows the model reads as data. */
  rows: Row[];
}

type TeamFigures = Record<(typeof TEAM_FORMULA_COLS)[number], string | number | undefined>;

function teamColumns(model: Model, rs: ResolvedRuleset): Column[] {
  const ts = model.teamSheet;
  if (!ts) return [];
  const byUnit = new Map(model.units.filter((u) => u.team).map((u) => [u.team!.r, u]));
  // One unit's figures serve its four columns.
  const figures = new Map<number, TeamFigures>();
  const figuresAt = (r: number): TeamFigures => {
    const had = figures.get(r);
    if (had) return had;
    const u = byUnit.get(r);
    const pool = u ? participants(u.cadres, rs.params.quota) : [];
    const count = countGrade(pool, EXCELLENT);
    const quota =
      u && isGraded(u.teamGrade)
        ? computeQuota(pool.length, rs.params.teamShares[u.teamGrade], rs.params.quota).quota
        : undefined;
    const f: TeamFigures = {
      participants: pool.length,
      excellentCount: count,
      quota,
      status: quota === undefined ? undefined : count > quota ? STATUS_OVER : "",
    };
    figures.set(r, f);
    return f;
  };
  return TEAM_FORMULA_COLS.filter((k) => ts.cols[k] !== undefined).map((k) => ({
    sheet: ts.name,
    header: ts.headers[ts.cols[k]!],
    c: ts.cols[k]!,
    headerRow: ts.headerRow,
    rows: model.teams.map((t) => ({ r: t.r, unit: t.unit, expected: () => figuresAt(t.r)[k] })),
  }));
}

function cadreColumns(model: Model, rs: ResolvedRuleset, cells: SheetCells): Column[] {
  const cs = model.cadreSheet;
  if (!cs) return [];
  const raw = (r: number, col: CadreCol) => (cs.cols[col] === undefined ? undefined : cells.values[r]?.[cs.cols[col]!]);
  const rowCheck = (p: CadreRow) => {
    const unit = model.unitByKey.get(p.unitKey);
    const args: RowArgs = {
      teamGrade: unit && isGraded(unit.teamGrade) ? gradeLabel(unit.teamGrade, model.teamScale) : undefined,
      grade: raw(p.r, "grade"),
      principal: raw(p.r, "principal"),
      sanction: raw(p.r, "sanction"),
      political: raw(p.r, "politicalQuality"),
      regularScore: raw(p.r, "regularScore"),
      faultTolerated: raw(p.r, "faultTolerated"),
    };
    return checkRow(args, rs);
  };
  const expected: Record<(typeof CADRE_FORMULA_COLS)[number], (p: CadreRow) => string> = {
    // The KH template's 校验 shows the first rule broken (KH.CHECK): compared by rule id.
    check: (p) => (isBlank(raw(p.r, "grade")) ? "" : (firstBreach(rowCheck(p))?.rule ?? "")),
    // The native template's 提示 states every breach: compared as the set of rule ids.
    hint: (p) => {
      const several = SEVERAL.test(cellText(raw(p.r, "sanction")));
      const ids = rowCheck(p)
        .map((f) => f.rule)
        .filter((id) => HINT_RULE_IDS.has(id) && !(several && id === "E05"));
      return ruleSet(ids.join(" "), several);
    },
  };
  return CADRE_FORMULA_COLS.filter((k) => cs.cols[k] !== undefined).map((k) => ({
    sheet: cs.name,
    header: cs.headers[cs.cols[k]!],
    c: cs.cols[k]!,
    headerRow: cs.headerRow,
    compare: k === "hint" ? "ruleSet" : "value",
    rows: model.cadres.map((p) => ({
      r: p.r,
      unit: p.unit,
      person: p.name,
      expected: () => expected[k](p),
      several: k === "hint" && SEVERAL.test(cellText(raw(p.r, "sanction"))),
    })),
  }));
}

/** Rule ids in a text, sorted and space-separated ("L02 E01"): what a 提示 cell says, as a set. */
function ruleSet(text: string, withoutE05 = false): string {
  const ids = [...new Set(text.match(/\b[A-Z]\d\d\b/g) ?? [])].filter((id) => !(withoutE05 && id === "E05"));
  return ids.sort().join(" ");
}

function same(cached: unknown, expected: string | number): boolean {
  if (typeof expected === "number")
    return typeof cached === "number" ? Math.abs(cached - expected) < 1e-9 : Number(cellText(cached)) === expected;
  const text = cellText(cached).trim();
  // 校验 cells read "L02 班子为一般…": the rule id is what must agree.
  return /^[A-Z]\d\d$/.test(expected) || expected === ""
    ? (text.match(/^[A-Z]\d\d/)?.[0] ?? text) === expected
    : text === expected;
}

export function auditFormulas(
  model: Model,
  sheets: Map<string, SheetCells>,
  rs: ResolvedRuleset,
  templateFormulas: FormulaReference[] = [],
): AuditIssue[] {
  const issues: AuditIssue[] = [];
  const cadreCells = model.cadreSheet ? sheets.get(model.cadreSheet.name) : undefined;
  const columns = [...teamColumns(model, rs), ...(cadreCells ? cadreColumns(model, rs, cadreCells) : [])];
  for (const col of columns) {
    const cells = sheets.get(col.sheet);
    if (!cells) continue;
    const formulas = cells.formulas;
    const at = (r: number): CellRef => ({ sheet: col.sheet, r, c: col.c });
    const where = (r: number) => `${col.sheet}!${a1(r, col.c)}`;
    const rowAt = new Map(col.rows.map((x) => [x.r, x]));
    let reference: string | null = null;
    if (formulas) {
      const forms: string[] = [];
      for (let r = col.headerRow + 1; r < formulas.length; r++) {
        const f = formulas[r]?.[col.c];
        if (f) forms.push(toR1C1(f, r, col.c));
      }
      // The template's own formula where the column stands where the template put it: a column replaced
      // whole, consistently, is then still seen; a moved column falls back to its own majority.
      const own = templateFormulas.find((t) => t.sheet === col.sheet && t.header === col.header && t.col === col.c);
      reference = own?.r1c1 ?? mode(forms);
    }
    // A column without a single formula was never a template column (or every cell was overwritten,
    // which A06 still sees through the values).
    const templated = reference !== null;
    if (formulas && templated) {
      const refOutside = new Set(outsideRowRefs(fromR1C1(reference!, 0, col.c), 0, col.c));
      for (let r = col.headerRow + 1; r < formulas.length; r++) {
        const stored = formulas[r]?.[col.c];
        if (!stored) continue;
        // Shown as the add-in's users type it, whether Excel stored _xldudf_KH_CHECK( or KH.CHECK(.
        const f = normalizeFormula(stored);
        const form = toR1C1(f, r, col.c);
        if (form === reference) continue;
        const expected = fromR1C1(reference!, r, col.c);
        const extra = outsideRowRefs(f, r, col.c).filter((x) => !refOutside.has(x));
        const row = rowAt.get(r);
        const kh = isKhFormula(f) && extra.length > 0;
        issues.push({
          rule: kh ? "A05" : "A04",
          at: at(r),
          unit: row?.unit,
          person: row?.person,
          zh: kh
            ? `${where(r)}「${col.header}」的 KH 公式引用了其他行：${f}（本列公式为 ${expected}）`
            : `${where(r)}「${col.header}」的公式与本列其他行不同：应为 ${expected}，现为 ${f}`,
          en: kh
            ? `${where(r)} (${col.header}): a KH formula refers to another row: ${f} (the column's formula is ${expected})`
            : `${where(r)} (${col.header}): formula differs from the rest of its column: expected ${expected}, found ${f}`,
        });
      }
    }
    for (const row of col.rows) {
      const cached = cells.values[row.r]?.[col.c];
      const isFormula = Boolean(formulas?.[row.r]?.[col.c]);
      if (formulas && templated && !isFormula && !isBlank(cached)) {
        const formula = fromR1C1(reference!, row.r, col.c);
        issues.push({
          rule: "A03",
          at: at(row.r),
          unit: row.unit,
          person: row.person,
          zh: `${where(row.r)}「${col.header}」应为公式 ${formula}，现为手填的「${cellText(cached)}」`,
          en: `${where(row.r)} (${col.header}) should hold the formula ${formula}, holds the typed value "${cellText(cached)}"`,
        });
      }
      if (isBlank(cached)) continue;
      const expected = row.expected();
      if (expected === undefined) continue;
      if (col.compare === "ruleSet" ? ruleSet(cellText(cached), row.several) === expected : same(cached, expected))
        continue;
      issues.push({
        rule: "A06",
        at: at(row.r),
        unit: row.unit,
        person: row.person,
        zh: `${where(row.r)}「${col.header}」显示「${cellText(cached)}」，按本工作簿数据应为「${expected}」（数值被粘贴覆盖或未重新计算）`,
        en: `${where(row.r)} (${col.header}) shows "${cellText(cached)}"; the workbook's data give "${expected}" (values pasted over, or not recalculated)`,
      });
    }
  }
  return issues;
}
