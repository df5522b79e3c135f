/** A — audit of a returned workbook (rules.md §9): the ruleset it carries on its 规则 sheet. */
import type { RuleModule, Fix, RuleMeta } from "./types";

export const A01_META: RuleMeta = {
  id: "A01",
  severity: "error",
  source: "考核模板规则表",
  title: {
    zh: "规则表的参数与指纹不符（规则被改动）",
    en: "The 规则 sheet no longer matches its fingerprint (rules changed)",
  },
};

const A01_FIX: Fix = {
  zh: "不要改动「规则」表：请用下发的模板重新填写，或说明改动依据",
  en: "Do not change the 规则 sheet: use the template as sent",
};

export const A01: RuleModule = {
  meta: A01_META,
  fix: A01_FIX,
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

const A02_FIX: Fix = { zh: "使用下发的模板（规则集）填写", en: "Fill the template as sent (its ruleset)" };

export const A02: RuleModule = {
  meta: A02_META,
  fix: A02_FIX,
  check(ctx) {
    const c = ctx.model.carried;
    if (c && c.stated !== ctx.ruleset.fingerprint) ctx.report({ at: c.at, ...c.otherText(ctx.ruleset) });
  },
};

/** A03–A06 are found while the model is built (audit/formulas.ts); the modules report what was found. */
function formulaRule(
  id: "A03" | "A04" | "A05" | "A06",
  severity: "error" | "warning",
  title: { zh: string; en: string },
  fix: { zh: string; en: string },
): RuleModule {
  return {
    meta: { id, severity, source: "考核模板公式", title },
    fix,
    check(ctx) {
      for (const i of ctx.model.audit)
        if (i.rule === id) ctx.report({ at: i.at, unit: i.unit, person: i.person, zh: i.zh, en: i.en });
    },
  };
}

export const AUDIT_RULES: RuleModule[] = [
  A01,
  A02,
  formulaRule(
    "A03",
    "error",
    { zh: "模板公式列中填入了常量", en: "A template formula cell holds a typed value" },
    { zh: "恢复该列的公式（不要手填数值）", en: "Put the column's formula back (no typed value)" },
  ),
  formulaRule(
    "A04",
    "error",
    { zh: "公式与本列其他行不同", en: "A formula differs from the rest of its column" },
    { zh: "恢复与本列其他行相同的公式", en: "Use the same formula as the rest of the column" },
  ),
  formulaRule(
    "A05",
    "warning",
    { zh: "KH 公式引用了其他行", en: "A KH formula refers to another row" },
    { zh: "恢复只引用本行的公式", en: "Use a formula that refers to its own row only" },
  ),
  formulaRule(
    "A06",
    "error",
    { zh: "单元格显示的值与计算结果不符", en: "A cached value disagrees with the computed one" },
    {
      zh: "重新计算（F9）或恢复公式，不要粘贴数值",
      en: "Recalculate (F9) or restore the formula; do not paste values",
    },
  ),
];
