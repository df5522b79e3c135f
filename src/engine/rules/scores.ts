/** S — weighted scores (rules.md §8). A composite that differs from its parts by more than 0.01 is a finding. */
import { cadreAt } from "./helpers";
import type { RuleContext, RuleModule, Fix, RuleMeta } from "./types";

const TOLERANCE = 0.01;

function weighted(a: number, wa: number, b: number): number {
  return (a * wa + b * (100 - wa)) / 100;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export const S01_META: RuleMeta = {
  id: "S01",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: { zh: "干部综合得分中平时考核占 30%", en: "Cadre composite: regular assessment weighs 30%" },
  needs: [
    { sheet: "cadre", col: "compositeScore", optional: true },
    { sheet: "cadre", col: "regularScore", optional: true },
    { sheet: "cadre", col: "yearEndScore", optional: true },
  ],
};

const S01_FIX: Fix = { zh: "核对综合得分与平时考核得分", en: "Check the composite and regular scores" };

export const S01: RuleModule = {
  meta: S01_META,
  fix: S01_FIX,
  check(ctx) {
    const w = ctx.params.weights.regular;
    for (const p of ctx.model.cadres) {
      if (p.composite === null || p.regularScore === null || p.yearEnd === null) continue;
      const want = weighted(p.regularScore, w, p.yearEnd);
      if (Math.abs(want - p.composite) <= TOLERANCE) continue;
      ctx.report({
        at: cadreAt(ctx.model, p, "compositeScore"),
        unit: p.unit,
        person: p.name,
        zh: `综合得分应为 ${round2(want)}（平时 ${p.regularScore} × ${w}% + 年终 ${p.yearEnd} × ${100 - w}%），表中为 ${p.composite}`,
        en: `Composite should be ${round2(want)} (regular ${p.regularScore} × ${w}% + year-end ${p.yearEnd} × ${100 - w}%), sheet says ${p.composite}`,
      });
    }
  },
};

export const S02_META: RuleMeta = {
  id: "S02",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: { zh: "班子年度考核得分中民意调查占 5%", en: "Team score: public-opinion survey counts 5%" },
  needs: [
    { sheet: "team", col: "compositeScore", optional: true },
    { sheet: "team", col: "surveyScore", optional: true },
    { sheet: "team", col: "yearEndScore", optional: true },
  ],
};

const S02_FIX: Fix = { zh: "核对班子得分与民意调查得分", en: "Check the team score and the survey score" };

export const S02: RuleModule = {
  meta: S02_META,
  fix: S02_FIX,
  check(ctx) {
    const w = ctx.params.weights.survey;
    const ts = ctx.model.teamSheet;
    if (!ts) return;
    for (const t of ctx.model.teams) {
      if (t.composite === null || t.survey === null || t.yearEnd === null) continue;
      const want = weighted(t.survey, w, t.yearEnd);
      if (Math.abs(want - t.composite) <= TOLERANCE) continue;
      ctx.report({
        at: { sheet: ts.name, r: t.r, c: ts.cols.compositeScore! },
        unit: t.unit,
        zh: `班子综合得分应为 ${round2(want)}（民意调查 ${t.survey} × ${w}% + 年终 ${t.yearEnd} × ${100 - w}%），表中为 ${t.composite}`,
        en: `Team composite should be ${round2(want)} (survey ${t.survey} × ${w}% + year-end ${t.yearEnd} × ${100 - w}%), sheet says ${t.composite}`,
      });
    }
  },
};

/** Where a ruleset's own figures are wrong, the finding points at the 规则 sheet. */
function rulesAt(): { sheet: string; r: number; c: number } {
  return { sheet: "规则", r: 0, c: 0 };
}

export const S03_META: RuleMeta = {
  id: "S03",
  severity: "error",
  source: "阿勒泰地区考核办法",
  title: { zh: "各评价主体权重非负且合计 100%", en: "Evaluator weights are non-negative and add up to 100%" },
};

const S03_FIX: Fix = {
  zh: "核对各评价主体权重，合计应为 100%",
  en: "Make the evaluator weights add up to 100%",
};

export const S03: RuleModule = {
  meta: S03_META,
  fix: S03_FIX,
  check(ctx: RuleContext) {
    const { regular, survey, evaluators } = ctx.params.weights;
    const bad: string[] = [];
    for (const [name, w] of [
      ["平时考核", regular],
      ["民意调查", survey],
    ] as [string, number][]) {
      if (!(w >= 0 && w <= 100)) bad.push(`${name}权重 ${w}% 不在 0–100% 之间`);
    }
    const entries = Object.entries(evaluators);
    if (entries.length) {
      const negative = entries.filter(([, w]) => !(w >= 0));
      const sum = entries.reduce((s, [, w]) => s + w, 0);
      if (negative.length) bad.push(`权重为负：${negative.map(([k, w]) => `${k} ${w}%`).join("、")}`);
      if (Math.abs(sum - 100) > 1e-9) bad.push(`各评价主体权重合计 ${round2(sum)}%，应为 100%`);
    }
    if (bad.length)
      ctx.report({
        at: rulesAt(),
        zh: `规则集的权重有误：${bad.join("；")}`,
        en: `The ruleset's weights are wrong: ${bad.join("; ")}`,
      });
  },
};

export const S04_META: RuleMeta = {
  id: "S04",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: { zh: "高质量发展指标权重在 55%–70% 之间", en: "High-quality-development indicators weigh 55%–70%" },
};

const S04_FIX: Fix = { zh: "核对高质量发展指标权重", en: "Check the high-quality-development weight" };

export const S04: RuleModule = {
  meta: S04_META,
  fix: S04_FIX,
  check(ctx) {
    const { min, max, value } = ctx.params.weights.highQuality;
    if (value !== null && (value < min || value > max))
      ctx.report({
        at: rulesAt(),
        zh: `高质量发展指标权重 ${value}% 不在 ${min}%–${max}% 之间`,
        en: `High-quality-development weight ${value}% is outside ${min}%–${max}%`,
      });
    const county = ctx.params.weights.countyFocus;
    if (county && county.value !== null && county.value !== county.share)
      ctx.report({
        at: rulesAt(),
        zh: `县区乡村振兴实绩和强县域行动两项指标权重为 ${county.value}%，应为 ${county.share}%`,
        en: `Counties' rural-revitalization and county-strength indicators weigh ${county.value}%, should be ${county.share}%`,
      });
  },
};

export const SCORE_RULES = [S01, S02, S03, S04];
