/** H — runs of grades over the years (rules.md §6). History columns give earlier years, newest first. */
import { BASIC, COMPETENT, EXCELLENT, gradeLabel, INCOMPETENT, type Grade } from "../grades";
import type { CadreRow } from "../model/types";
import { promotionBars } from "../restrictions";
import type { PastEntry } from "../record/types";
import { atLeast, cadreAt, streak } from "./helpers";
import type { RuleModule, Fix, RuleMeta } from "./types";

const ART = "公务员考核规定（2020）";

/** A run of one grade that carries a consequence (H01–H03): data the checks and the result-use list share. */
export interface RunRule {
  rule: "H01" | "H02" | "H03" | "H06";
  grade: Grade;
  years: number;
  measure: { zh: string; en: string };
  finding: { zh: string; en: string };
  /** What the unit does about the finding: nothing, the department acts on it. */
  fix: { zh: string; en: string };
}

export const RUN_RULES: RunRule[] = [
  {
    rule: "H01",
    fix: { zh: "无需修改：供结果运用（记功）", en: "Nothing to change: for the use of results (merit)" },
    grade: EXCELLENT,
    years: 3,
    measure: { zh: "记三等功", en: "third-class merit" },
    finding: {
      zh: "连续 {n} 年优秀，记三等功，同等条件下优先提拔",
      en: "优秀 {n} years running: third-class merit, preferred for promotion",
    },
  },
  {
    rule: "H02",
    fix: { zh: "无需修改：供结果运用（组织调整或处理）", en: "Nothing to change: for the use of results" },
    grade: BASIC,
    years: 2,
    measure: { zh: "组织调整或组织处理", en: "organizational adjustment or handling" },
    finding: {
      zh: "连续 {n} 年基本称职，应予组织调整或组织处理",
      en: "基本称职 {n} years running: organizational adjustment or handling due",
    },
  },
  {
    rule: "H03",
    fix: { zh: "无需修改：供结果运用（辞退）", en: "Nothing to change: for the use of results" },
    grade: INCOMPETENT,
    years: 2,
    measure: { zh: "予以辞退", en: "dismissal" },
    finding: { zh: "连续 {n} 年不称职，予以辞退", en: "不称职 {n} years running: dismissal" },
  },
  {
    // 004: 「对连续两年认定为基本称职和当年认定为不称职的领导干部，不再任用」 (the 不称职 year is R14).
    rule: "H06",
    fix: { zh: "无需修改：供结果运用（不再任用）", en: "Nothing to change: for the use of results" },
    grade: BASIC,
    years: 2,
    measure: {
      zh: "不再任用，视情况改任非领导职务、降职使用，或待岗、培训",
      en: "not appointed again: a non-leading post, demotion, or waiting for a post and training",
    },
    finding: { zh: "连续 {n} 年基本称职，不再任用", en: "基本称职 {n} years running: not appointed again" },
  },
];

const fill = (text: string, n: number) => text.replace("{n}", String(n));

/** Years running of this year's grade, when that run carries a consequence. */
export function runOf(p: CadreRow, r: RunRule, ungradedBreaks: boolean): number {
  if (p.grade !== r.grade) return 0;
  const n = streak([p.grade, ...p.history], r.grade, ungradedBreaks);
  return n >= r.years ? n : 0;
}

function runRule(r: RunRule, source: string): RuleModule {
  return {
    meta: {
      id: r.rule,
      severity: "info",
      source,
      // The title is the finding for the shortest run that triggers it.
      title: { zh: fill(r.finding.zh, r.years), en: fill(r.finding.en, r.years) },
      needs: [{ sheet: "history", optional: true }],
    },
    fix: r.fix,
    check(ctx) {
      for (const p of ctx.model.cadres) {
        const n = runOf(p, r, ctx.params.ungradedBreaksRun);
        if (n)
          ctx.report({
            at: cadreAt(ctx.model, p, "grade"),
            unit: p.unit,
            person: p.name,
            zh: fill(r.finding.zh, n),
            en: fill(r.finding.en, n),
          });
      }
    },
  };
}

export const H01 = runRule(RUN_RULES[0], ART + " 第十九条");
export const H02 = runRule(RUN_RULES[1], ART + " 第二十一条");
export const H03 = runRule(RUN_RULES[2], "公务员考核规定（2007）第十九条");
export const H06 = runRule(RUN_RULES[3], "任期目标考核（干部聘任制拓展交流）");

/** Years graded 称职 or above among this year and the visible history. */
export function competentYears(p: CadreRow): number {
  return [p.grade, ...p.history].filter((g) => atLeast(g, COMPETENT)).length;
}

/** H04: a salary step at every second year 称职+ counted, a level at the fifth (years visible in the sheet). */
export function salaryOutcome(p: CadreRow): { years: number; step: boolean; level: boolean } | null {
  if (!atLeast(p.grade, COMPETENT)) return null;
  const years = competentYears(p);
  const step = years >= 2 && years % 2 === 0;
  const level = years === 5;
  return step || level ? { years, step, level } : null;
}

export const H04_META: RuleMeta = {
  id: "H04",
  severity: "info",
  source: ART + " 第二十条",
  title: {
    zh: "累计两年称职以上晋升一档工资，累计五年晋升一个级别",
    en: "称职+ two years cumulatively: one salary step; five: one level",
  },
  needs: [{ sheet: "history", optional: true }],
};

const H04_FIX: Fix = {
  zh: "无需修改：供结果运用（工资档次、级别）",
  en: "Nothing to change: for the use of results (salary)",
};

export const H04: RuleModule = {
  meta: H04_META,
  fix: H04_FIX,
  check(ctx) {
    for (const p of ctx.model.cadres) {
      const o = salaryOutcome(p);
      if (!o) continue;
      const what = [o.step ? "晋升一个工资档次" : "", o.level ? "晋升一个级别" : ""].filter(Boolean).join("，");
      const whatEn = [o.step ? "one salary step" : "", o.level ? "one level" : ""].filter(Boolean).join(", ");
      ctx.report({
        at: cadreAt(ctx.model, p, "grade"),
        unit: p.unit,
        person: p.name,
        zh: `表内累计 ${o.years} 年称职以上：${what}`,
        en: `称职 or above in ${o.years} years shown: ${whatEn}`,
      });
    }
  },
};

export const H05_META: RuleMeta = {
  id: "H05",
  severity: "error",
  source: "济南市 2022 实施办法",
  title: { zh: "不得提拔的干部被列为拟提拔", en: "A cadre who may not be promoted is proposed for promotion" },
  needs: [{ sheet: "cadre", col: "proposedPromotion", optional: true }],
};

const H05_FIX: Fix = {
  zh: "撤销拟提拔，或核对本年及往年等次",
  en: "Withdraw the promotion proposal, or check the grades",
};

export const H05: RuleModule = {
  meta: H05_META,
  fix: H05_FIX,
  check(ctx) {
    for (const p of ctx.model.cadres) {
      if (p.proposedPromotion !== true) continue;
      const bars = promotionBars(ctx.model.unitByKey.get(p.unitKey), p, ctx.enabled);
      if (bars.length === 0) continue;
      ctx.report({
        at: cadreAt(ctx.model, p, "proposedPromotion"),
        unit: p.unit,
        person: p.name,
        zh: `被列为拟提拔，但${bars.map((b) => b.zh).join("；")}`,
        en: `Proposed for promotion, but: ${bars.map((b) => b.en).join("; ")}`,
      });
    }
  },
};

/**
 * 000: 年度考核结果由市委组织部报市委审定，「以市委组织部文件通报年度考核结果」; 004: 「建立考核台帐…存入政绩档案」.
 * The department's record, not a unit's memory, decides past grades (rules.md §12).
 */
export const H07_META: RuleMeta = {
  id: "H07",
  severity: "error",
  source: "济南市 2022 实施办法：年度考核结果以市委组织部文件通报（任期目标考核：建立考核台帐）",
  title: {
    zh: "填写的往年等次与组织部门的往年结果不符",
    en: "A past grade typed in a history column contradicts the department's record",
  },
  withRecord: true,
};

const H07_FIX: Fix = {
  zh: "按组织部门的往年结果改正该年等次，或提供依据",
  en: "Type the grade the department's record gives, or send the evidence",
};

const where = (e: PastEntry) => `「${e.file}」${e.sheet}!${e.cell}`;
const whereEn = (e: PastEntry) => `"${e.file}" ${e.sheet}!${e.cell}`;

export const H07: RuleModule = {
  meta: H07_META,
  fix: H07_FIX,
  check(ctx) {
    const { model } = ctx;
    const label = (g: Grade, lang: "zh" | "en") => gradeLabel(g, model.scale, lang);
    for (const i of model.record?.issues ?? []) {
      switch (i.kind) {
        case "contradicts":
          ctx.report({
            at: i.at,
            unit: i.person.unit,
            person: i.person.name,
            zh: `${i.year} 年度等次填为「${label(i.typed, "zh")}」，与往年结果${where(i.past)}的「${label(i.past.grade, "zh")}」不符：以往年结果为准`,
            en: `The ${i.year} grade is typed ${label(i.typed, "en")}, but the record ${whereEn(i.past)} says ${label(i.past.grade, "en")}: the record decides`,
          });
          break;
        case "absent":
          ctx.report({
            at: cadreAt(model, i.person, "name"),
            unit: i.person.unit,
            person: i.person.name,
            severity: "info",
            zh: i.units.length
              ? `往年结果中同名者在多个单位（${i.units.join("、")}），未按姓名对应：历年等次未与往年结果核对`
              : "往年结果中没有此人（按身份证号、单位和姓名均未找到）：历年等次未与往年结果核对",
            en: i.units.length
              ? `The name appears in several units (${i.units.join(", ")}) and is not matched by name: history not checked against the record`
              : "Not in the record (no match by ID number, or by unit and name): history not checked against the record",
          });
          break;
        case "conflict":
          ctx.report({
            at: cadreAt(model, i.person, "name"),
            unit: i.person.unit,
            person: i.person.name,
            severity: "info",
            zh: `往年结果中此人 ${i.year} 年度的等次不一（${i.entries.map((e) => `${where(e)} ${label(e.grade, "zh")}`).join("；")}）：该年未核对`,
            en: `The record gives this person different ${i.year} grades (${i.entries.map((e) => `${whereEn(e)} ${label(e.grade, "en")}`).join("; ")}): that year not checked`,
          });
          break;
        case "noYear":
          ctx.report({
            at: null,
            severity: "info",
            zh: "无法确定本工作簿的考核年度（标题或「2024年度等次」这类列名中没有年份，可用 --year 指定）：未与往年结果核对",
            en: "The workbook's appraisal year is unknown (no year in a title or a header such as 2024年度等次; give --year): not checked against the record",
          });
          break;
        case "notBefore":
          ctx.report({
            at: null,
            severity: "info",
            zh: `往年结果${i.files.map((f) => `「${f.file}」（${f.year} 年度）`).join("、")}不早于本次考核年度 ${model.year}，未采用`,
            en: `The record ${i.files.map((f) => `"${f.file}" (${f.year})`).join(", ")} is not before this appraisal year ${model.year}: not used`,
          });
          break;
      }
    }
  },
};

export const HISTORY_RULES = [H01, H02, H03, H04, H05, H06, H07];
