/** D — data checks (rules.md §2): values the other rules can trust. */
import { acceptedLabels, SCALES, type ScaleId } from "../grades";
import type { Grade } from "../grades";
import type { BadCell, CadreRow, CellRef, TeamConflict, TeamRow } from "../model/types";
import { cadreAt, enGrade, zhGrade } from "./helpers";
import type { RuleContext, RuleModule, Fix, RuleMeta } from "./types";

const DATA_SOURCE = "年度考核数据填报要求";

const KIND_ZH: Record<string, string> = { yesno: "是/否", sanction: "处分或处理", date: "日期" };
const KIND_EN: Record<string, string> = { yesno: "yes/no value", sanction: "sanction", date: "date" };

function expected(b: BadCell, ctx: RuleContext): string {
  if (b.kind === "grade") return acceptedLabels(b.scale as ScaleId).join("、");
  if (b.kind === "yesno") return "是、否";
  if (b.kind === "sanction") return ctx.params.sanctions.map((s) => s.name).join("、");
  return "如 2024-06-30";
}

/**
 * Each bad cell once, at the cell: a value a merged cell carries down its rows is said at the merge's
 * anchor, with the anchor row's person (or none, where the anchor is on no one's row).
 */
function forEachBad(
  ctx: RuleContext,
  pick: (b: BadCell) => boolean,
  say: (b: BadCell, at: CellRef, unit: string, person?: string) => void,
): void {
  const { model } = ctx;
  const visit = (rows: (CadreRow | TeamRow)[], sheet: string, isCadre: boolean) => {
    const said = new Set<string>(); // "row:col", for the anchors of merged cells
    for (const row of rows) {
      if (row.bad.length === 0) continue;
      for (const b of row.bad) {
        if (!pick(b)) continue;
        const r = b.anchorRow ?? row.r;
        const key = `${r}:${b.col}`;
        if (b.anchorRow !== undefined && said.has(key)) continue;
        said.add(key);
        const person = isCadre && b.anchorRow === undefined ? (row as CadreRow).name : undefined;
        say(b, { sheet, r, c: b.col }, row.unit, person);
      }
    }
  };
  if (model.teamSheet) visit(model.teams, model.teamSheet.name, false);
  if (model.cadreSheet) visit(model.cadres, model.cadreSheet.name, true);
}

export const D01_META: RuleMeta = {
  id: "D01",
  severity: "error",
  source: DATA_SOURCE,
  title: { zh: "等次、是否或处分单元格的值无法识别", en: "Grade, yes/no or sanction text not understood" },
};

const D01_FIX: Fix = {
  zh: "改为可识别的值（等次如 优秀/称职/基本称职/不称职/不定等次；是/否）",
  en: "Type a value the column accepts (a grade, 是/否, a listed sanction)",
};

export const D01: RuleModule = {
  meta: D01_META,
  fix: D01_FIX,
  check(ctx) {
    forEachBad(
      ctx,
      (b) => b.kind === "grade" || b.kind === "yesno" || b.kind === "sanction" || b.kind === "date",
      (b, at, unit, person) => {
        const what = b.kind === "grade" ? `${SCALES[b.scale as ScaleId].title.zh}等次` : KIND_ZH[b.kind];
        const whatEn = b.kind === "grade" ? `${SCALES[b.scale as ScaleId].title.en} grade` : KIND_EN[b.kind];
        ctx.report({
          at,
          unit,
          person,
          zh: `「${b.header}」列的「${b.text}」不是可识别的${what}；应为：${expected(b, ctx)}`,
          en: `"${b.text}" in column "${b.header}" is not a known ${whatEn}; expected: ${expected(b, ctx)}`,
        });
      },
    );
  },
};

export const D02_META: RuleMeta = {
  id: "D02",
  severity: "error",
  source: DATA_SOURCE,
  title: { zh: "启用的规则所需的列缺失", en: "A column an enabled rule needs is missing" },
};

const D02_FIX: Fix = {
  zh: "按模板补上缺少的列（表头名称见说明）",
  en: "Add the missing column as the template has it",
};

export const D02: RuleModule = {
  // Reported by the runner, which knows which enabled rule needs which column.
  meta: D02_META,
  fix: D02_FIX,
  check() {},
};

export const D03_META: RuleMeta = {
  id: "D03",
  severity: "error",
  source: DATA_SOURCE,
  title: { zh: "干部所在单位在班子表中没有对应行", en: "A cadre's unit has no row in the teams table" },
};

const D03_FIX: Fix = {
  zh: "在班子表补上该单位一行，或核对单位名称是否一致",
  en: "Add the unit's row to the teams sheet, or make the unit names agree",
};

export const D03: RuleModule = {
  // Reported by the runner too: only a team-linked rule that is on makes a missing team row an error.
  meta: D03_META,
  fix: D03_FIX,
  check() {},
};

export const D04_META: RuleMeta = {
  id: "D04",
  severity: "warning",
  source: DATA_SOURCE,
  title: { zh: "同一人员重复出现", en: "The same person appears twice" },
};

const D04_FIX: Fix = {
  zh: "删去重复的一行，或核对姓名、身份证号",
  en: "Remove the duplicate row, or correct the name or ID number",
};

export const D04: RuleModule = {
  meta: D04_META,
  fix: D04_FIX,
  check(ctx) {
    const { model } = ctx;
    // Keyed by ID number where there is one, else by unit then name (nested maps: no key strings built).
    const byId = new Map<string, CadreRow>();
    const byUnit = new Map<string, Map<string, CadreRow>>();
    for (const p of model.cadres) {
      let names = byUnit.get(p.unitKey);
      if (!p.idNumber && !names) byUnit.set(p.unitKey, (names = new Map()));
      const seen = p.idNumber ? byId : names!;
      const key = p.idNumber || p.name;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, p);
        continue;
      }
      ctx.report({
        at: cadreAt(model, p, p.idNumber ? "idNumber" : "name"),
        unit: p.unit,
        person: p.name,
        zh: `与第 ${first.r + 1} 行重复${p.idNumber ? "（身份证号相同）" : "（单位、姓名相同）"}`,
        en: `Duplicates row ${first.r + 1}${p.idNumber ? " (same ID number)" : " (same unit and name)"}`,
      });
    }
  },
};

export const D05_META: RuleMeta = {
  id: "D05",
  severity: "warning",
  source: DATA_SOURCE,
  title: { zh: "单位没有正职或有多名正职", en: "A unit has no principal or more than one" },
  needs: [{ sheet: "cadre", col: "principal", optional: true }],
};

const D05_FIX: Fix = { zh: "在「是否正职」列标明唯一的一名正职", en: "Mark exactly one principal in 是否正职" };

export const D05: RuleModule = {
  meta: D05_META,
  fix: D05_FIX,
  check(ctx) {
    const { model } = ctx;
    for (const u of model.units) {
      if (u.cadres.length === 0 || u.principals.length === 1) continue;
      const none = u.principals.length === 0;
      const names = u.principals.map((p) => p.name).sort();
      ctx.report({
        at: none ? cadreAt(model, u.cadres[0], "principal") : cadreAt(model, u.principals[1], "principal"),
        unit: u.name,
        zh: none
          ? `单位「${u.name}」没有标明正职`
          : `单位「${u.name}」有 ${u.principals.length} 名正职：${names.join("、")}`,
        en: none
          ? `Unit "${u.name}" has no principal marked`
          : `Unit "${u.name}" has ${u.principals.length} principals: ${names.join(", ")}`,
      });
    }
  },
};

export const D06_META: RuleMeta = {
  id: "D06",
  severity: "error",
  source: DATA_SOURCE,
  title: { zh: "分值不是数字或不在 0–100 之间", en: "A score is not a number or outside 0–100" },
};

const D06_FIX: Fix = { zh: "填写 0–100 之间的数字", en: "Type a number from 0 to 100" };

export const D06: RuleModule = {
  meta: D06_META,
  fix: D06_FIX,
  check(ctx) {
    forEachBad(
      ctx,
      (b) => b.kind === "score" || b.kind === "percent" || b.kind === "count",
      (b, at, unit, person) => {
        const count = b.kind === "count";
        ctx.report({
          at,
          unit,
          person,
          zh: count
            ? `「${b.header}」列的「${b.text}」不是正整数`
            : `「${b.header}」列的「${b.text}」不是 0–100 之间的数字`,
          en: count
            ? `"${b.text}" in column "${b.header}" is not a whole number`
            : `"${b.text}" in column "${b.header}" is not a number from 0 to 100`,
        });
      },
    );
  },
};

export const D07_META: RuleMeta = {
  id: "D07",
  severity: "warning",
  source: DATA_SOURCE,
  title: { zh: "干部本年等次空白", en: "A cadre has no grade this year" },
};

const D07_FIX: Fix = { zh: "填写本年等次", en: "Fill in this year's grade" };

export const D07: RuleModule = {
  meta: D07_META,
  fix: D07_FIX,
  check(ctx) {
    const { model } = ctx;
    for (const p of model.cadres) {
      if (p.grade !== null || p.bad.some((b) => b.col === model.cadreSheet!.cols.grade)) continue;
      ctx.report({
        at: cadreAt(model, p, "grade"),
        unit: p.unit,
        person: p.name,
        zh: "本年等次未填写",
        en: "No grade entered for this year",
      });
    }
  },
};

const ROWS_SHOWN = 5;

function rowsText(rows: number[], zh: boolean): string {
  const shown = rows.slice(0, ROWS_SHOWN).map((r) => (zh ? `第 ${r + 1} 行` : `row ${r + 1}`));
  const more = rows.length > ROWS_SHOWN ? (zh ? ` 等 ${rows.length} 行` : ` and ${rows.length - ROWS_SHOWN} more`) : "";
  return shown.join(zh ? "、" : ", ") + more;
}

function valueText(c: TeamConflict, v: TeamConflict["values"][number]["value"], zh: boolean, scale: ScaleId): string {
  if (c.field === "grade" || c.field === "gradePrev")
    return zh ? zhGrade(v as Grade, scale) : enGrade(v as Grade, scale);
  if (c.field === "political") return zh ? zhGrade(v as Grade, "political") : enGrade(v as Grade, "political");
  return String(v);
}

export const D08_META: RuleMeta = {
  id: "D08",
  severity: "error",
  source: DATA_SOURCE,
  title: { zh: "同一单位填了不同的班子等次", en: "One unit is given different team grades" },
};

const D08_FIX: Fix = { zh: "同一单位只填一个班子等次，核对后统一", en: "Give the unit one team grade" };

export const D08: RuleModule = {
  meta: D08_META,
  fix: D08_FIX,
  check(ctx) {
    const { model } = ctx;
    for (const u of model.units) {
      for (const c of u.conflicts) {
        const layout = c.sheet === model.teamSheet?.name ? model.teamSheet : model.cadreSheet;
        const header = layout?.headers[c.col] ?? "";
        const onTeams = c.sheet === model.teamSheet?.name;
        const zh = c.values
          .map((v) => `「${valueText(c, v.value, true, model.teamScale)}」（${rowsText(v.rows, true)}）`)
          .join("、");
        const en = c.values
          .map((v) => `${valueText(c, v.value, false, model.teamScale)} (${rowsText(v.rows, false)})`)
          .join(", ");
        ctx.report({
          at: { sheet: c.sheet, r: c.values[1].rows[0], c: c.col },
          unit: u.name,
          zh: `单位「${u.name}」${onTeams ? `在「${c.sheet}」表中列了 ${c.listed.length} 行，` : ""}「${header}」不一致：${zh}；无法确定，依赖它的规则未作判断`,
          en: `Unit "${u.name}"${onTeams ? ` is listed ${c.listed.length} times on sheet "${c.sheet}";` : ""} "${header}" differs: ${en}; it is unknown, and the rules that need it did not decide`,
        });
      }
    }
  },
};

export const D09_META: RuleMeta = {
  id: "D09",
  severity: "error",
  source: DATA_SOURCE,
  title: {
    zh: "规则读取的单元格是错误值或未计算的公式",
    en: "A cell the rules read holds an error value or an uncalculated formula",
  },
};

const D09_FIX: Fix = {
  zh: "改为具体的值（不要留错误值或未计算的公式）",
  en: "Replace the error value or uncalculated formula with a value",
};

export const D09: RuleModule = {
  meta: D09_META,
  fix: D09_FIX,
  check(ctx) {
    forEachBad(
      ctx,
      (b) => b.kind === "error" || b.kind === "uncalculated" || b.kind === "missing",
      (b, at, unit, person) =>
        ctx.report({
          at,
          unit,
          person,
          ...(b.kind === "missing"
            ? {
                zh: `「${b.header}」列的单元格引用的共享字符串在文件中缺失（文件已损坏），其值未知，依赖它的规则按未知处理：请在 Excel 中打开修复后保存`,
                en: `The cell in column "${b.header}" refers to a shared string missing from the file (the file is damaged); its value is unknown to the rules: open it in Excel to repair it, and save`,
              }
            : b.kind === "error"
              ? {
                  zh: `「${b.header}」列显示错误值「${b.text}」（公式出错或引用失效），其值无法读取，依赖它的规则按未知处理`,
                  en: `Column "${b.header}" shows the error value ${b.text} (a broken formula or reference); its value is unknown to the rules`,
                }
              : {
                  zh: `「${b.header}」列的公式 ${b.text} 没有计算结果（保存时未重新计算），其值未知：请在 Excel 中按 F9 重新计算后保存`,
                  en: `The formula ${b.text} in column "${b.header}" has no calculated value (saved without recalculating); its value is unknown: recalculate (F9) in Excel and save`,
                }),
        }),
    );
  },
};

export const DATA_RULES = [D01, D02, D03, D04, D05, D06, D07, D08, D09];
