/** E — who may receive which grade (rules.md §5). */
import { EXCELLENT, INCOMPETENT, isGraded, TEAM_POOR, UNGRADED, type Grade } from "../grades";
import type { CadreRow, CellRef } from "../model/types";
import { LIMIT_WEIGHT } from "../ruleset/sanctions";
import type { SanctionLimit, SanctionRow } from "../ruleset/types";
import { cadreAt, unitAt, zhGrade, enGrade } from "./helpers";
import type { RuleContext, RuleModule, Fix, RuleMeta } from "./types";

function gradeReport(ctx: RuleContext, p: CadreRow, zh: string, en: string, severity?: "warning"): void {
  ctx.report({ at: cadreAt(ctx.model, p, "grade"), unit: p.unit, person: p.name, zh, en, severity });
}

/**
 * Gansu assesses teams as it does cadres (002: 平时考核 for 省管班子 and 省管干部; teams whose 政治素质 is
 * not 好 lose 评优, teams rated 一般/较差 are downgraded): each team with its own figures on 班子.
 */
interface TeamFigures {
  unit: string;
  grade: Grade | null;
  regularScore: number | null;
  political: Grade | null;
}

/** Each unit's team, with its figures from 班子 or from the cadre rows of a one-sheet layout. */
function eachTeam(ctx: RuleContext, fn: (t: TeamFigures, at: CellRef | null) => void): void {
  for (const u of ctx.model.units) {
    if (u.teamRegularScore === null && u.teamPolitical === null) continue;
    fn(
      { unit: u.name, grade: u.teamGrade, regularScore: u.teamRegularScore, political: u.teamPolitical },
      u.teamGradeAt,
    );
  }
}

function teamReport(
  ctx: RuleContext,
  t: TeamFigures,
  at: CellRef | null,
  zh: string,
  en: string,
  severity?: "warning",
): void {
  ctx.report({ at, unit: t.unit, zh: `班子${zh}`, en: `Team: ${en}`, severity });
}

export const E01_META: RuleMeta = {
  id: "E01",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: { zh: "平时考核得分低于 90 分的不得评为优秀", en: "Regular score below 90: may not be 优秀" },
  needs: [{ sheet: "cadre", col: "regularScore" }],
};

const E01_FIX: Fix = {
  zh: "平时考核不足规定分数的，不得评为优秀：改正等次或核对得分",
  en: "Change the grade, or check the regular score",
};

export const E01: RuleModule = {
  meta: E01_META,
  fix: E01_FIX,
  check(ctx) {
    const min = ctx.params.regularScoreMin;
    for (const p of ctx.model.cadres) {
      if (p.grade === EXCELLENT && p.regularScore !== null && p.regularScore < min) {
        gradeReport(
          ctx,
          p,
          `平时考核得分 ${p.regularScore} 低于 ${min} 分，不得评为优秀`,
          `Regular score ${p.regularScore} is below ${min}: may not be 优秀`,
        );
      }
    }
    eachTeam(ctx, (t, at) => {
      if (t.grade === EXCELLENT && t.regularScore !== null && t.regularScore < min)
        teamReport(
          ctx,
          t,
          at,
          `平时考核得分 ${t.regularScore} 低于 ${min} 分，不得评为优秀`,
          `regular score ${t.regularScore} is below ${min}: may not be 优秀`,
        );
    });
  },
};

export const E02_META: RuleMeta = {
  id: "E02",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: { zh: "政治素质不是“好”的不得评为优秀", en: "Political quality not 好: may not be 优秀" },
  needs: [{ sheet: "cadre", col: "politicalQuality" }],
};

const E02_FIX: Fix = {
  zh: "政治素质不是“好”的，不得评为优秀：改正等次",
  en: "Change the grade: political quality is not 好",
};

export const E02: RuleModule = {
  meta: E02_META,
  fix: E02_FIX,
  check(ctx) {
    for (const p of ctx.model.cadres) {
      if (p.grade === EXCELLENT && isGraded(p.political) && p.political !== 0) {
        gradeReport(
          ctx,
          p,
          `政治素质为“${zhGrade(p.political, "political")}”，不得评为优秀`,
          `Political quality is ${enGrade(p.political, "political")}: may not be 优秀`,
        );
      }
    }
    eachTeam(ctx, (t, at) => {
      if (t.grade === EXCELLENT && isGraded(t.political) && t.political !== 0)
        teamReport(
          ctx,
          t,
          at,
          `政治素质为“${zhGrade(t.political, "political")}”，不得评为优秀`,
          `political quality is ${enGrade(t.political, "political")}: may not be 优秀`,
        );
    });
  },
};

export const E03_META: RuleMeta = {
  id: "E03",
  severity: "error",
  source: "甘肃省 2024 年度考核办法",
  title: {
    zh: "政治素质一般或较差的，年度考核等次应降低",
    en: "Political quality 一般 / 较差: the annual grade is lowered",
  },
  needs: [{ sheet: "cadre", col: "politicalQuality" }],
};

const E03_FIX: Fix = {
  zh: "降低年度考核等次，或核对政治素质",
  en: "Lower the grade, or check political quality",
};

export const E03: RuleModule = {
  meta: E03_META,
  fix: E03_FIX,
  check(ctx) {
    const hasProposed = ctx.model.cadreSheet?.cols.proposedGrade !== undefined;
    for (const p of ctx.model.cadres) {
      if (!isGraded(p.political) || p.political < 2 || !isGraded(p.grade)) continue;
      const pq = zhGrade(p.political, "political");
      // 优秀 cannot be the lowered grade of anything: the breach is certain, proposed grade or not.
      if (p.grade === EXCELLENT) {
        gradeReport(
          ctx,
          p,
          `政治素质为“${pq}”，年度考核等次应降低，不得为优秀`,
          `Political quality ${pq}: the annual grade must be lowered; it cannot be 优秀`,
        );
      } else if (hasProposed && isGraded(p.proposedGrade)) {
        const lowered = p.grade > p.proposedGrade || (p.proposedGrade === INCOMPETENT && p.grade === INCOMPETENT);
        if (!lowered) {
          gradeReport(
            ctx,
            p,
            `政治素质为“${pq}”，等次应低于拟定等次${zhGrade(p.proposedGrade, ctx.model.scale)}（现为${zhGrade(p.grade, ctx.model.scale)}）`,
            `Political quality ${pq}: the grade must be below the proposed ${enGrade(p.proposedGrade, ctx.model.scale)} (now ${enGrade(p.grade, ctx.model.scale)})`,
          );
        }
      } else if (p.grade !== INCOMPETENT) {
        gradeReport(
          ctx,
          p,
          `政治素质为“${pq}”，年度考核等次应降低：表中没有拟定等次，请复核`,
          `Political quality ${pq}: the annual grade must be lowered; no proposed grade in the sheet, please review`,
          "warning",
        );
      }
    }
    // Teams: no proposed team grade to compare with, so 优秀 is certain and the rest is to review (002).
    eachTeam(ctx, (t, at) => {
      if (!isGraded(t.political) || t.political < 2 || !isGraded(t.grade)) return;
      const pq = zhGrade(t.political, "political");
      if (t.grade === EXCELLENT)
        teamReport(
          ctx,
          t,
          at,
          `政治素质为“${pq}”，年度考核等次应降低，不得为优秀`,
          `political quality ${pq}: the grade must be lowered; it cannot be 优秀`,
        );
      else if (t.grade !== TEAM_POOR)
        teamReport(
          ctx,
          t,
          at,
          `政治素质为“${pq}”，年度考核等次应降低，请复核（现为${zhGrade(t.grade, ctx.model.teamScale)}）`,
          `political quality ${pq}: the grade must be lowered; please review (now ${enGrade(t.grade, ctx.model.teamScale)})`,
          "warning",
        );
    });
  },
};

export const E04_META: RuleMeta = {
  id: "E04",
  severity: "error",
  source: "阿勒泰地区考核办法",
  title: {
    zh: "责任指标失分超过 20% 的，班子及正职不得评为优秀",
    en: "More than 20% of points lost: neither team nor principal 优秀",
  },
  needs: [{ sheet: "team", col: "pointsLost" }, { sheet: "teamGrade" }],
};

const E04_FIX: Fix = {
  zh: "班子及正职不得评为优秀：改正等次或核对失分率",
  en: "Change the grade, or check the points lost",
};

export const E04: RuleModule = {
  meta: E04_META,
  fix: E04_FIX,
  check(ctx) {
    const max = ctx.params.pointsLostMax;
    for (const u of ctx.model.units) {
      const lost = u.team?.pointsLost;
      if (lost === null || lost === undefined || lost <= max) continue;
      if (u.teamGrade === EXCELLENT) {
        ctx.report({
          at: unitAt(ctx.model, u),
          unit: u.name,
          zh: `${u.name}：责任指标失分 ${lost}% 超过 ${max}%，班子不得评为优秀`,
          en: `${u.name}: ${lost}% of points lost (over ${max}%); the team may not be 优秀`,
        });
      }
      for (const p of u.principals) {
        if (p.grade === EXCELLENT)
          gradeReport(
            ctx,
            p,
            `单位责任指标失分 ${lost}% 超过 ${max}%，正职不得评为优秀`,
            `Unit lost ${lost}% of points (over ${max}%): the principal may not be 优秀`,
          );
      }
    }
  },
};

const LIMIT_ZH: Record<SanctionLimit, string> = {
  "not-excellent": "不得评为优秀",
  ungraded: "只能不定等次",
  incompetent: "应确定为不称职",
};
const LIMIT_EN: Record<SanctionLimit, string> = {
  "not-excellent": "may not be 优秀",
  ungraded: "must be 不定等次",
  incompetent: "must be 不称职",
};
const YEAR_ZH = ["本年", "上年", "前年"];
const YEAR_EN = ["this year", "last year", "two years ago"];

/** The heaviest limit of a row's sanctions, with the sanction and year that set it. */
export function sanctionLimit(
  p: CadreRow,
  exemptThisYear: boolean,
): { limit: SanctionLimit; sanction: SanctionRow; back: number } | null {
  let best: { limit: SanctionLimit; sanction: SanctionRow; back: number } | null = null;
  p.sanctions.forEach((list, back) => {
    if (back === 0 && exemptThisYear) return;
    for (const s of list) {
      const limit = s.limits[back];
      if (limit && (!best || LIMIT_WEIGHT[limit] > LIMIT_WEIGHT[best.limit])) best = { limit, sanction: s, back };
    }
  });
  return best;
}

function keepsLimit(grade: number, limit: SanctionLimit): boolean {
  if (limit === "not-excellent") return grade !== EXCELLENT;
  if (limit === "ungraded") return grade === UNGRADED;
  return grade === INCOMPETENT;
}

export const E05_META: RuleMeta = {
  id: "E05",
  severity: "error",
  source: "处分、处理与年度考核等次（二手资料）",
  title: { zh: "受处分、处理的，当年（及其后）等次受限", en: "Sanctions limit the grade of the year (and after)" },
  needs: [{ sheet: "cadre", col: "sanction", optional: true }],
};

const E05_FIX: Fix = {
  zh: "按处分或处理对等次的限制改正等次，或核对处分",
  en: "Grade within what the sanction allows, or check the sanction",
};

export const E05: RuleModule = {
  meta: E05_META,
  fix: E05_FIX,
  check(ctx) {
    const tolerated = ctx.enabled("E08");
    for (const p of ctx.model.cadres) {
      if (p.grade === null) continue;
      const hit = sanctionLimit(p, tolerated && p.faultTolerated === true);
      if (!hit || keepsLimit(p.grade, hit.limit)) continue;
      gradeReport(
        ctx,
        p,
        `${YEAR_ZH[hit.back]}受「${hit.sanction.name}」，${LIMIT_ZH[hit.limit]}（现为${zhGrade(p.grade, ctx.model.scale)}）`,
        `${hit.sanction.name} ${YEAR_EN[hit.back]}: ${LIMIT_EN[hit.limit]} (now ${enGrade(p.grade, ctx.model.scale)})`,
      );
    }
  },
};

function mustBeUngraded(ctx: RuleContext, flag: (p: CadreRow) => boolean | null, zh: string, en: string): void {
  for (const p of ctx.model.cadres) {
    if (flag(p) === true && p.grade !== null && p.grade !== UNGRADED) {
      gradeReport(
        ctx,
        p,
        `${zh}，只写评语、不定等次（现为${zhGrade(p.grade, ctx.model.scale)}）`,
        `${en}: comments only, 不定等次 (now ${enGrade(p.grade, ctx.model.scale)})`,
      );
    }
  }
}

export const E06_META: RuleMeta = {
  id: "E06",
  severity: "error",
  source: "公务员考核规定",
  title: { zh: "新录用试用期人员只写评语不定等次", en: "New recruits in probation: comments only, 不定等次" },
  needs: [{ sheet: "cadre", col: "probation", optional: true }],
};

const E06_FIX: Fix = { zh: "试用期人员改为不定等次", en: "Grade staff in probation 不定等次" };

export const E06: RuleModule = {
  meta: E06_META,
  fix: E06_FIX,
  check(ctx) {
    mustBeUngraded(ctx, (p) => p.probation, "新录用人员在试用期内", "New recruit in probation");
  },
};

export const E07_META: RuleMeta = {
  id: "E07",
  severity: "error",
  source: "公务员考核规定（2007）第二十四条；事业单位工作人员考核规定（2023）第四十二条",
  title: { zh: "被立案审查调查尚未结案的暂不定等次", en: "Under case review not closed: 不定等次 for now" },
  needs: [{ sheet: "cadre", col: "underReview", optional: true }],
};

const E07_FIX: Fix = {
  zh: "立案审查调查未结案的改为不定等次",
  en: "Grade 不定等次 while the case review is open",
};

export const E07: RuleModule = {
  meta: E07_META,
  fix: E07_FIX,
  check(ctx) {
    mustBeUngraded(ctx, (p) => p.underReview, "被立案审查调查尚未结案", "Under case review not yet closed");
  },
};

export const E08_META: RuleMeta = {
  id: "E08",
  severity: "info",
  source: "三个区分开来（容错纠错）",
  title: { zh: "经容错认定的失误不影响等次评定", en: "A formally tolerated mistake does not affect the grade" },
  needs: [{ sheet: "cadre", col: "faultTolerated", optional: true }],
};

const E08_FIX: Fix = {
  zh: "无需修改：容错认定已记录",
  en: "Nothing to change: the tolerated mistake is on record",
};

export const E08: RuleModule = {
  meta: E08_META,
  fix: E08_FIX,
  check(ctx) {
    for (const p of ctx.model.cadres) {
      if (p.faultTolerated !== true) continue;
      const names = p.sanctions[0].map((s) => s.name).join("、");
      ctx.report({
        at: cadreAt(ctx.model, p, "faultTolerated"),
        unit: p.unit,
        person: p.name,
        zh: names
          ? `经容错认定，本年「${names}」不影响年度考核等次（E05 豁免，留痕备查）`
          : "已作容错认定，相关失误不影响年度考核等次（留痕备查）",
        en: names
          ? `Fault tolerated: ${names} this year does not affect the grade (exempt from E05, on record)`
          : "Fault tolerated: the mistake does not affect the grade (on record)",
      });
    }
  },
};

export const ELIGIBILITY_RULES = [E01, E02, E03, E04, E05, E06, E07, E08];
