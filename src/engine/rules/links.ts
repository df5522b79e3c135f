/** L — links between a team's grade, its principal's and its cadres' (rules.md §4). */
import { COMPETENT, EXCELLENT, INCOMPETENT, isGraded, TEAM_FAIR, TEAM_POOR } from "../grades";
import type { CadreRow, Unit } from "../model/types";
import { atLeast, cadreAt, unitAt, zhGrade, enGrade } from "./helpers";
import type { Need, RuleContext, RuleModule, Fix, RuleMeta } from "./types";

const SOURCE = "济南市 2022 实施办法";
const PRINCIPAL_NEEDS: Need[] = [
  { sheet: "cadre", col: "unit" },
  { sheet: "cadre", col: "principal" },
  { sheet: "teamGrade" },
];

function eachPrincipal(ctx: RuleContext, teamGrade: number, fn: (u: Unit, p: CadreRow) => void): void {
  for (const u of ctx.model.units) {
    if (u.teamGrade !== teamGrade) continue;
    for (const p of u.principals) fn(u, p);
  }
}

function personReport(ctx: RuleContext, p: CadreRow, zh: string, en: string): void {
  ctx.report({ at: cadreAt(ctx.model, p, "grade"), unit: p.unit, person: p.name, zh, en });
}

export const L01_META: RuleMeta = {
  id: "L01",
  severity: "warning",
  source: SOURCE,
  title: { zh: "班子优秀的，正职一般应为优秀", en: "Team 优秀: the principal is generally 优秀" },
  needs: PRINCIPAL_NEEDS,
};

const L01_FIX: Fix = {
  zh: "核对正职等次；确不为优秀的，请附说明",
  en: "Check the principal's grade; explain if not 优秀",
};

export const L01: RuleModule = {
  meta: L01_META,
  fix: L01_FIX,
  check(ctx) {
    eachPrincipal(ctx, EXCELLENT, (u, p) => {
      if (!isGraded(p.grade) || p.grade === EXCELLENT) return;
      personReport(
        ctx,
        p,
        `班子为优秀等次的，正职一般应确定为优秀（现为${zhGrade(p.grade, ctx.model.scale)}）`,
        `Team graded 优秀: its principal is generally 优秀 (now ${enGrade(p.grade, ctx.model.scale)})`,
      );
    });
  },
};

export const L02_META: RuleMeta = {
  id: "L02",
  severity: "error",
  source: SOURCE,
  title: { zh: "班子一般的，正职不得为优秀", en: "Team 一般: the principal may not be 优秀" },
  needs: PRINCIPAL_NEEDS,
};

const L02_FIX: Fix = {
  zh: "将正职等次改为称职及以下，或核对班子等次",
  en: "Grade the principal 称职 or below, or check the team grade",
};

export const L02: RuleModule = {
  meta: L02_META,
  fix: L02_FIX,
  check(ctx) {
    eachPrincipal(ctx, TEAM_FAIR, (u, p) => {
      if (p.grade === EXCELLENT)
        personReport(
          ctx,
          p,
          "班子为一般等次的，正职不得确定为优秀",
          "Team graded 一般 (fair): its principal may not be 优秀",
        );
    });
  },
};

export const L03_META: RuleMeta = {
  id: "L03",
  severity: "error",
  source: SOURCE,
  title: { zh: "班子较差的，正职不得为称职及以上", en: "Team 较差: the principal may not be 称职 or above" },
  needs: PRINCIPAL_NEEDS,
};

const L03_FIX: Fix = {
  zh: "将正职等次改为基本称职或不称职，或核对班子等次",
  en: "Grade the principal 基本称职 or 不称职, or check the team grade",
};

export const L03: RuleModule = {
  meta: L03_META,
  fix: L03_FIX,
  check(ctx) {
    eachPrincipal(ctx, TEAM_POOR, (u, p) => {
      if (!atLeast(p.grade, COMPETENT)) return;
      personReport(
        ctx,
        p,
        `班子为较差等次的，正职只能确定为基本称职或不称职（现为${zhGrade(p.grade!, ctx.model.scale)}）`,
        `Team graded 较差 (poor): its principal may only be 基本称职 or 不称职 (now ${enGrade(p.grade!, ctx.model.scale)})`,
      );
    });
  },
};

export const L04_META: RuleMeta = {
  id: "L04",
  severity: "error",
  source: SOURCE,
  title: { zh: "班子较差的，其他干部不得为优秀", en: "Team 较差: no other cadre may be 优秀" },
  needs: [{ sheet: "cadre", col: "unit" }, { sheet: "teamGrade" }],
};

const L04_FIX: Fix = {
  zh: "将其他干部的优秀改为称职及以下，或核对班子等次",
  en: "No other 优秀 in this unit, or check the team grade",
};

export const L04: RuleModule = {
  meta: L04_META,
  fix: L04_FIX,
  check(ctx) {
    for (const u of ctx.model.units) {
      if (u.teamGrade !== TEAM_POOR) continue;
      for (const p of u.cadres) {
        if (p.principal || p.grade !== EXCELLENT) continue;
        personReport(
          ctx,
          p,
          "班子为较差等次的，班子其他成员不得确定为优秀",
          "Team graded 较差 (poor): no other member may be 优秀",
        );
      }
    }
  },
};

export const L05_META: RuleMeta = {
  id: "L05",
  severity: "warning",
  source: SOURCE,
  title: {
    zh: "班子连续两年一般的，正职原则上为基本称职",
    en: "Team 一般 two years running: the principal is in principle 基本称职",
  },
  needs: [...PRINCIPAL_NEEDS, { sheet: "teamGradePrev", optional: true }],
};

const L05_FIX: Fix = {
  zh: "核对正职等次；原则上为基本称职并予诫勉",
  en: "Check the principal's grade (in principle 基本称职)",
};

export const L05: RuleModule = {
  meta: L05_META,
  fix: L05_FIX,
  check(ctx) {
    eachPrincipal(ctx, TEAM_FAIR, (u, p) => {
      if (u.teamGradePrev !== TEAM_FAIR || !atLeast(p.grade, COMPETENT)) return;
      personReport(
        ctx,
        p,
        `班子连续两年为一般等次的，正职原则上确定为基本称职（现为${zhGrade(p.grade!, ctx.model.scale)}）`,
        `Team graded 一般 two years running: its principal is in principle 基本称职 (now ${enGrade(p.grade!, ctx.model.scale)})`,
      );
    });
  },
};

export const L06_META: RuleMeta = {
  id: "L06",
  severity: "error",
  source: SOURCE,
  title: {
    zh: "有干部不称职的，班子及正职不得为优秀",
    en: "A cadre 不称职: neither the team nor its principal may be 优秀",
  },
  needs: [{ sheet: "cadre", col: "unit" }, { sheet: "teamGrade" }],
};

const L06_FIX: Fix = {
  zh: "班子及正职不得为优秀：核对等次",
  en: "The team and its principal may not be 优秀: check the grades",
};

export const L06: RuleModule = {
  meta: L06_META,
  fix: L06_FIX,
  check(ctx) {
    for (const u of ctx.model.units) {
      const failed = u.cadres.filter((p) => p.grade === INCOMPETENT);
      if (failed.length === 0) continue;
      const who = failed
        .map((p) => p.name)
        .sort()
        .join("、");
      if (u.teamGrade === EXCELLENT) {
        ctx.report({
          at: unitAt(ctx.model, u),
          unit: u.name,
          zh: `${u.name}：有干部被确定为不称职（${who}），班子不得评为优秀`,
          en: `${u.name}: a cadre is 不称职 (${who}); the team may not be 优秀`,
        });
      }
      for (const p of u.principals) {
        if (p.grade === EXCELLENT)
          personReport(
            ctx,
            p,
            `本单位有干部被确定为不称职（${who}），正职不得评为优秀`,
            `A cadre of the unit is 不称职 (${who}); the principal may not be 优秀`,
          );
      }
    }
  },
};

export const LINK_RULES = [L01, L02, L03, L04, L05, L06];
