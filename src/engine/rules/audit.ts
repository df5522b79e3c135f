/** A — audit of a returned workbook (rules.md §9): the ruleset it carries on its 规则 sheet. */
import type { RuleModule } from "./types";

const short = (fp: string) => fp.slice(0, 12);

export const A01: RuleModule = {
  meta: {
    id: "A01",
    severity: "error",
    source: "考核模板规则表",
    title: { zh: "规则表的参数与指纹不符（规则被改动）", en: "The 规则 sheet no longer matches its fingerprint (rules changed)" },
  },
  check(ctx) {
    const c = ctx.model.carried;
    // The wording is made where the sheet is read, so this bundle (shared with the KH functions) stays small.
    if (c && c.computed !== c.stated) ctx.report({ at: c.at, ...c.changeText });
  },
};

export const A02: RuleModule = {
  meta: {
    id: "A02",
    severity: "warning",
    source: "考核模板规则表",
    title: { zh: "工作簿携带的规则集与校验所用规则集不同", en: "The workbook carries another ruleset than the one checked against" },
  },
  check(ctx) {
    const c = ctx.model.carried;
    if (!c || c.stated === ctx.ruleset.fingerprint) return;
    const used = `${ctx.ruleset.id}（${short(ctx.ruleset.fingerprint)}…）`;
    ctx.report({ at: c.at, zh: `工作簿的规则表为 ${c.id}（${short(c.stated)}…），本次校验使用 ${used}`, en: `The workbook carries ${c.id} (${short(c.stated)}…); checked against ${used}` });
  },
};

export const AUDIT_RULES: RuleModule[] = [A01, A02];
