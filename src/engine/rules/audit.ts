/** A — audit of a returned workbook (rules.md §9): the ruleset it carries on its 规则 sheet. */
import type { RuleModule, RuleMeta } from "./types";

export const A01_META: RuleMeta = {
  id: "A01",
  severity: "error",
  source: "考核模板规则表",
  title: {
    zh: "规则表的参数与指纹不符（规则被改动）",
    en: "The 规则 sheet no longer matches its fingerprint (rules changed)",
  },
};

export const A01: RuleModule = {
  meta: A01_META,
  check(ctx) {
    const c = ctx.model.carried;
    // The wording is made where the sheet is read, so this bundle (shared with the KH functions) stays small.
    if (c && c.computed !== c.stated) ctx.report({ at: c.at, ...c.changeText });
  },
};

export const A02_META: RuleMeta = {
  id: "A02",
  severity: "warning",
  source: "考核模板规则表",
  title: {
    zh: "工作簿携带的规则集与校验所用规则集不同",
    en: "The workbook carries another ruleset than the one checked against",
  },
};

export const A02: RuleModule = {
  meta: A02_META,
  check(ctx) {
    const c = ctx.model.carried;
    if (c && c.stated !== ctx.ruleset.fingerprint) ctx.report({ at: c.at, ...c.otherText(ctx.ruleset) });
  },
};

/** A03–A06 are found while the model is built (audit/formulas.ts); the modules report what was found. */
function formulaRule(
  id: "A03" | "A04" | "A05" | "A06",
  severity: "error" | "warning",
  zh: string,
  en: string,
): RuleModule {
  return {
    meta: { id, severity, source: "考核模板公式", title: { zh, en } },
    check(ctx) {
      for (const i of ctx.model.audit)
        if (i.rule === id) ctx.report({ at: i.at, unit: i.unit, person: i.person, zh: i.zh, en: i.en });
    },
  };
}

export const AUDIT_RULES: RuleModule[] = [
  A01,
  A02,
  formulaRule("A03", "error", "模板公式列中填入了常量", "A template formula cell holds a typed value"),
  formulaRule("A04", "error", "公式与本列其他行不同", "A formula differs from the rest of its column"),
  formulaRule("A05", "warning", "KH 公式引用了其他行", "A KH formula refers to another row"),
  formulaRule("A06", "error", "单元格显示的值与计算结果不符", "A cached value disagrees with the computed one"),
];
