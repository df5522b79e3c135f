/** A — audit of a returned workbook (rules.md §9): the ruleset it carries on its 规则 sheet. */
import type { RuleModule } from "./types";

const short = (fp: string) => fp.slice(0, 12);
const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export const A01: RuleModule = {
  meta: {
    id: "A01",
    severity: "error",
    source: "考核模板规则表",
    title: {
      zh: "规则表的参数与指纹不符（规则被改动）",
      en: "The 规则 sheet no longer matches its fingerprint (rules changed)",
    },
  },
  check(ctx) {
    const c = ctx.model.carried;
    if (!c || c.computed === c.stated) return;
    const what = c.changed.length
      ? c.changed
          .map((x) => `${x.path} 表中为 ${shown(x.found)}（${x.cell}），${c.id} 规定为 ${shown(x.builtin)}`)
          .join("；")
      : "参数或规则设置与指纹不一致";
    const whatEn = c.changed.length
      ? c.changed
          .map((x) => `${x.path} reads ${shown(x.found)} (${x.cell}), ${c.id} says ${shown(x.builtin)}`)
          .join("; ")
      : "parameters or rule settings do not give the stated fingerprint";
    ctx.report({
      at: c.at,
      zh: `规则表已被改动：${what}（表中指纹 ${short(c.stated)}…，按表中参数应为 ${short(c.computed)}…）`,
      en: `The 规则 sheet was changed: ${whatEn} (stated fingerprint ${short(c.stated)}…, its figures give ${short(c.computed)}…)`,
    });
  },
};

export const A02: RuleModule = {
  meta: {
    id: "A02",
    severity: "warning",
    source: "考核模板规则表",
    title: {
      zh: "工作簿携带的规则集与校验所用规则集不同",
      en: "The workbook carries another ruleset than the one checked against",
    },
  },
  check(ctx) {
    const c = ctx.model.carried;
    if (!c || c.stated === ctx.ruleset.fingerprint) return;
    ctx.report({
      at: { ...c.at, r: c.at.r, c: 1 },
      zh: `工作簿的规则表为 ${c.id}（指纹 ${short(c.stated)}…），本次校验使用 ${ctx.ruleset.id}（指纹 ${short(ctx.ruleset.fingerprint)}…）`,
      en: `The workbook's 规则 sheet is ${c.id} (fingerprint ${short(c.stated)}…); this check uses ${ctx.ruleset.id} (${short(ctx.ruleset.fingerprint)}…)`,
    });
  },
};

export const AUDIT_RULES: RuleModule[] = [A01, A02];
