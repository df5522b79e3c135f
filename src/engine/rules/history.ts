/** H — runs of grades over the years (rules.md §6). History columns give earlier years, newest first. */
import { BASIC, COMPETENT, EXCELLENT, INCOMPETENT, type Grade } from "../grades";
import type { CadreRow } from "../model/types";
import { promotionBars } from "../restrictions";
import { atLeast, cadreAt, streak } from "./helpers";
import type { RuleContext, RuleModule } from "./types";

const ART = "公务员考核规定（2020）";

function runs(ctx: RuleContext, grade: Grade, years: number, zh: string, en: string): void {
  for (const p of ctx.model.cadres) {
    if (p.grade !== grade) continue;
    const n = streak([p.grade, ...p.history], grade, ctx.params.ungradedBreaksRun);
    if (n >= years)
      ctx.report({
        at: cadreAt(ctx.model, p, "grade"),
        unit: p.unit,
        person: p.name,
        zh: zh.replace("{n}", String(n)),
        en: en.replace("{n}", String(n)),
      });
  }
}

export const H01: RuleModule = {
  meta: {
    id: "H01",
    severity: "info",
    source: ART + " 第十九条",
    title: { zh: "连续三年优秀，记三等功", en: "优秀 three years running: third-class merit" },
    needs: [{ sheet: "history", optional: true }],
  },
  check(ctx) {
    runs(
      ctx,
      EXCELLENT,
      3,
      "连续 {n} 年优秀，记三等功，同等条件下优先提拔",
      "优秀 {n} years running: third-class merit, preferred for promotion",
    );
  },
};

export const H02: RuleModule = {
  meta: {
    id: "H02",
    severity: "info",
    source: ART + " 第二十一条",
    title: {
      zh: "连续两年基本称职，组织调整或组织处理",
      en: "基本称职 two years running: organizational adjustment or handling",
    },
    needs: [{ sheet: "history", optional: true }],
  },
  check(ctx) {
    runs(
      ctx,
      BASIC,
      2,
      "连续 {n} 年基本称职，应予组织调整或组织处理",
      "基本称职 {n} years running: organizational adjustment or handling due",
    );
  },
};

export const H03: RuleModule = {
  meta: {
    id: "H03",
    severity: "info",
    source: "公务员考核规定（2007）第十九条",
    title: { zh: "连续两年不称职，予以辞退", en: "不称职 two years running: dismissal" },
    needs: [{ sheet: "history", optional: true }],
  },
  check(ctx) {
    runs(ctx, INCOMPETENT, 2, "连续 {n} 年不称职，予以辞退", "不称职 {n} years running: dismissal");
  },
};

/** Years graded 称职 or above among this year and the visible history. */
export function competentYears(p: CadreRow): number {
  return [p.grade, ...p.history].filter((g) => atLeast(g, COMPETENT)).length;
}

export const H04: RuleModule = {
  meta: {
    id: "H04",
    severity: "info",
    source: ART + " 第二十条",
    title: {
      zh: "累计两年称职以上晋升一档工资，累计五年晋升一个级别",
      en: "称职+ two years cumulatively: one salary step; five: one level",
    },
    needs: [{ sheet: "history", optional: true }],
  },
  check(ctx) {
    for (const p of ctx.model.cadres) {
      if (!atLeast(p.grade, COMPETENT)) continue;
      const n = competentYears(p);
      const step = n >= 2 && n % 2 === 0;
      const level = n === 5;
      if (!step && !level) continue;
      const what = [step ? "晋升一个工资档次" : "", level ? "晋升一个级别" : ""].filter(Boolean).join("，");
      const whatEn = [step ? "one salary step" : "", level ? "one level" : ""].filter(Boolean).join(", ");
      ctx.report({
        at: cadreAt(ctx.model, p, "grade"),
        unit: p.unit,
        person: p.name,
        zh: `表内累计 ${n} 年称职以上：${what}`,
        en: `称职 or above in ${n} years shown: ${whatEn}`,
      });
    }
  },
};

export const H05: RuleModule = {
  meta: {
    id: "H05",
    severity: "error",
    source: "济南市 2022 实施办法",
    title: { zh: "不得提拔的干部被列为拟提拔", en: "A cadre who may not be promoted is proposed for promotion" },
    needs: [{ sheet: "cadre", col: "proposedPromotion", optional: true }],
  },
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

export const HISTORY_RULES = [H01, H02, H03, H04, H05];
