/** Q — quotas for 优秀 (rules.md §3). Every quota is one table lookup and one `computeQuota`. */
import { EXCELLENT, isGraded } from "../grades";
import type { CadreRow, Unit } from "../model/types";
import { computeQuota, formatPercent } from "../quota";
import { fold } from "../text";
import { countGrade, headerAt, participants, unitAt, zhGrade, enGrade } from "./helpers";
import type { RuleContext, RuleModule, Fix, RuleMeta } from "./types";
import type { ResolvedRuleset } from "../ruleset/resolve";

/** Checks one unit's 优秀 against a share; says why the share applies. */
function checkUnitShare(
  ctx: RuleContext,
  u: Unit,
  pool: CadreRow[],
  share: number,
  whyZh: string,
  whyEn: string,
  severity?: "warning",
): void {
  const q = computeQuota(pool.length, share, ctx.params.quota);
  const count = countGrade(pool, EXCELLENT);
  if (count <= q.quota) {
    if (q.byMinimum && count > q.rounded) {
      ctx.report({
        at: unitAt(ctx.model, u),
        unit: u.name,
        severity: "warning",
        zh: `${u.name}：${whyZh}，参评 ${pool.length} 人按 ${formatPercent(share)} 取整为 ${q.rounded} 名，因“至少 1 名”的设定可有 ${q.quota} 名优秀（已定 ${count} 名）`,
        en: `${u.name}: ${whyEn}; ${pool.length} taking part at ${formatPercent(share)} rounds to ${q.rounded}; the minimum of ${q.quota} alone allows the ${count} 优秀 given`,
      });
    }
    return;
  }
  ctx.report({
    at: unitAt(ctx.model, u),
    unit: u.name,
    severity,
    zh: `${u.name}：${whyZh}，参评 ${pool.length} 人，优秀不得超过 ${q.quota} 名（${formatPercent(share)}），现有 ${count} 名`,
    en: `${u.name}: ${whyEn}; with ${pool.length} taking part at most ${q.quota} may be 优秀 (${formatPercent(share)}), ${count} are`,
  });
}

export const Q01_META: RuleMeta = {
  id: "Q01",
  severity: "error",
  source: "济南市 2022 实施办法",
  title: {
    zh: "单位优秀人数不得超过班子等次对应的比例",
    en: "A unit's 优秀 may not exceed the share its team grade allows",
  },
  needs: [{ sheet: "cadre", col: "unit" }, { sheet: "teamGrade" }],
};

const Q01_FIX: Fix = {
  zh: "核减优秀人数至上限以内，或核对班子等次",
  en: "Bring 优秀 within the quota, or check the team grade",
};

export const Q01: RuleModule = {
  meta: Q01_META,
  fix: Q01_FIX,
  check(ctx) {
    for (const u of ctx.model.units) {
      if (!isGraded(u.teamGrade) || u.cadres.length === 0) continue;
      const share = ctx.params.teamShares[u.teamGrade];
      const local = ctx.ruleset.paramNotes[`teamShares.${u.teamGrade}`]?.local ? "（地方设定比例）" : "";
      checkUnitShare(
        ctx,
        u,
        participants(u.cadres, ctx.params.quota),
        share,
        `班子等次为${zhGrade(u.teamGrade, ctx.model.teamScale)}${local}`,
        `team graded ${enGrade(u.teamGrade, ctx.model.teamScale)}${local ? " (locally set share)" : ""}`,
      );
    }
  },
};

export const Q02_META: RuleMeta = {
  id: "Q02",
  severity: "error",
  source: "公务员考核规定（2020）",
  title: { zh: "优秀比例一般不超过 20%，最多不超过 25%", en: "优秀 generally within 20%, never above 25%" },
};

const Q02_FIX: Fix = {
  zh: "核减优秀人数；确需超过一般比例的，附批准材料",
  en: "Reduce 优秀, or attach the approval for a higher share",
};

export const Q02: RuleModule = {
  meta: Q02_META,
  fix: Q02_FIX,
  check(ctx) {
    const { model, params } = ctx;
    const pool = participants(model.cadres, params.quota);
    const count = countGrade(pool, EXCELLENT);
    const general = computeQuota(pool.length, params.bodyShare.general, params.quota);
    const max = computeQuota(pool.length, params.bodyShare.max, params.quota);
    if (count <= general.quota) return;
    const over = count > max.quota;
    ctx.report({
      at: headerAt(model, "grade"),
      severity: over ? "error" : "warning",
      zh: over
        ? `全部参评 ${pool.length} 人中优秀 ${count} 名，超过最高比例 ${formatPercent(params.bodyShare.max)}（${max.quota} 名）`
        : `全部参评 ${pool.length} 人中优秀 ${count} 名，超过一般比例 ${formatPercent(params.bodyShare.general)}（${general.quota} 名），需经批准且不超过 ${max.quota} 名`,
      en: over
        ? `${count} of ${pool.length} taking part are 优秀, above the maximum ${formatPercent(params.bodyShare.max)} (${max.quota})`
        : `${count} of ${pool.length} taking part are 优秀, above the general ${formatPercent(params.bodyShare.general)} (${general.quota}); needs approval, at most ${max.quota}`,
    });
  },
};

const RAISED = new Set(["集体奖励", "集体记功", "集体嘉奖", "绩效突出", "绩效优秀"]);
const LOWERED = new Set(["不合格", "绩效不合格", "被问责", "问责"]);
const GENERAL = new Set(["", "合格", "一般", "良好", "达标", "无"]);

export const Q03_META: RuleMeta = {
  id: "Q03",
  severity: "error",
  source: "事业单位工作人员考核规定（2023）",
  title: {
    zh: "事业单位优秀不超过应参加考核人数的 20%（25% / 15%）",
    en: "Public institutions: 优秀 within 20% of those who should take part (25% / 15%)",
  },
  needs: [{ sheet: "cadre", col: "unit" }],
};

const Q03_FIX: Fix = { zh: "核减优秀人数至规定比例以内", en: "Bring 优秀 within the share allowed" };

export const Q03: RuleModule = {
  meta: Q03_META,
  fix: Q03_FIX,
  check(ctx) {
    const s = ctx.params.institutionShares;
    for (const u of ctx.model.units) {
      if (u.cadres.length === 0) continue;
      const perf = u.team?.performance ?? "";
      if (!RAISED.has(perf) && !LOWERED.has(perf) && !GENERAL.has(perf)) {
        reportUnknownPerformance(ctx, u, [...RAISED, ...LOWERED, "合格"]);
        continue;
      }
      const [share, zh, en] = RAISED.has(perf)
        ? [s.raised, `单位${perf}，可提高至 ${formatPercent(s.raised)}`, `unit with ${perf}, raised share`]
        : LOWERED.has(perf)
          ? [s.lowered, `单位${perf}，降至 ${formatPercent(s.lowered)}`, `unit ${perf}, lowered share`]
          : [s.general, "应参加考核人数", "of those who should take part"];
      // "Those who should take part": everyone listed, 不定等次 included.
      checkUnitShare(ctx, u, u.cadres, share, zh, en);
    }
  },
};

function reportUnknownPerformance(ctx: RuleContext, u: Unit, expected: string[]): void {
  const ts = ctx.model.teamSheet!;
  ctx.report({
    rule: "D01",
    at: { sheet: ts.name, r: u.team!.r, c: ts.cols.performance! },
    unit: u.name,
    zh: `「${ts.headers[ts.cols.performance!]}」列的「${u.team!.performance}」不是可识别的单位绩效；应为：${expected.join("、")}`,
    en: `"${u.team!.performance}" is not a known unit performance; expected: ${expected.join(", ")}`,
  });
}

export const Q04_META: RuleMeta = {
  id: "Q04",
  severity: "warning",
  source: "浙江省 2018 乡镇公务员考核办法",
  title: { zh: "乡镇（街道）公务员优秀比例提高到 20%", en: "Township civil servants: 优秀 share raised to 20%" },
  needs: [{ sheet: "cadre", col: "unit" }],
};

const Q04_FIX: Fix = { zh: "核减优秀人数至规定比例以内", en: "Bring 优秀 within the share allowed" };

export const Q04: RuleModule = {
  meta: Q04_META,
  fix: Q04_FIX,
  check(ctx) {
    const t = ctx.params.townshipShare;
    const cats = new Set(t.categories.map(fold));
    for (const u of ctx.model.units) {
      if (u.cadres.length === 0 || !cats.has(fold(u.category))) continue;
      // 003 raised the townships' share; it never lowers a larger one the base ruleset gives this unit
      // (Q01's share for an 优秀 team, Q02's general share).
      const given = [
        ...(ctx.enabled("Q01") && isGraded(u.teamGrade) ? [ctx.params.teamShares[u.teamGrade]] : []),
        ...(ctx.enabled("Q02") ? [ctx.params.bodyShare.general] : []),
      ];
      const share = Math.max(t.share, ...given);
      const raised = share > t.share;
      checkUnitShare(
        ctx,
        u,
        participants(u.cadres, ctx.params.quota),
        share,
        `乡镇（街道）单位优秀比例 ${formatPercent(share)}${raised ? "（不低于本规则集对该单位的比例）" : ""}`,
        `township unit share ${formatPercent(share)}${raised ? " (no lower than the base ruleset's share for the unit)" : ""}`,
      );
    }
  },
};

export const Q05_META: RuleMeta = {
  id: "Q05",
  severity: "error",
  source: "泰兴市 2014 年度考核办法",
  title: {
    zh: "按单位绩效确定优秀比例，总体不超过上限",
    en: "优秀 share by unit performance, within an overall cap",
  },
  needs: [
    { sheet: "cadre", col: "unit" },
    { sheet: "team", col: "performance" },
  ],
};

const Q05_FIX: Fix = {
  zh: "按单位绩效对应的比例核减优秀人数",
  en: "Bring 优秀 within the share for the unit's performance",
};

export const Q05: RuleModule = {
  meta: Q05_META,
  fix: Q05_FIX,
  check(ctx) {
    const { table, overall } = ctx.params.performanceShares;
    const shares = new Map(Object.entries(table).map(([k, v]) => [fold(k), v]));
    for (const u of ctx.model.units) {
      if (u.cadres.length === 0 || !u.team) continue;
      const share = shares.get(u.team.performance);
      if (share === undefined) {
        if (u.team.performance) reportUnknownPerformance(ctx, u, Object.keys(table));
        continue;
      }
      checkUnitShare(
        ctx,
        u,
        participants(u.cadres, ctx.params.quota),
        share,
        `单位绩效为${u.team.performance}`,
        `unit performance ${u.team.performance}`,
      );
    }
    const pool = participants(ctx.model.cadres, ctx.params.quota);
    const q = computeQuota(pool.length, overall, ctx.params.quota);
    const count = countGrade(pool, EXCELLENT);
    if (count > q.quota) {
      ctx.report({
        at: headerAt(ctx.model, "grade"),
        zh: `全部参评 ${pool.length} 人中优秀 ${count} 名，超过总体比例 ${formatPercent(overall)}（${q.quota} 名）`,
        en: `${count} of ${pool.length} are 优秀, above the overall ${formatPercent(overall)} (${q.quota})`,
      });
    }
  },
};

export const QUOTA_RULES = [Q01, Q02, Q03, Q04, Q05];

/**
 * The 优秀 limits the enabled per-unit rules set for one unit, chosen as each rule above chooses its share
 * (for the distribution picture, which shows the tightest). Units a rule cannot judge give none.
 */
export function unitLimits(u: Unit, rs: ResolvedRuleset): { rule: string; quota: number }[] {
  const on = (id: string) => rs.rules[id] !== undefined;
  const p = rs.params;
  if (u.cadres.length === 0) return [];
  const pool = participants(u.cadres, p.quota);
  const limit = (rule: string, n: number, share: number) => ({ rule, quota: computeQuota(n, share, p.quota).quota });
  const out: { rule: string; quota: number }[] = [];
  if (on("Q01") && isGraded(u.teamGrade)) out.push(limit("Q01", pool.length, p.teamShares[u.teamGrade]));
  if (on("Q03")) {
    const perf = u.team?.performance ?? "";
    const s = p.institutionShares;
    const share = RAISED.has(perf) ? s.raised : LOWERED.has(perf) ? s.lowered : GENERAL.has(perf) ? s.general : null;
    if (share !== null) out.push(limit("Q03", u.cadres.length, share));
  }
  if (on("Q04") && new Set(p.townshipShare.categories.map(fold)).has(fold(u.category))) {
    const given = [
      ...(on("Q01") && isGraded(u.teamGrade) ? [p.teamShares[u.teamGrade]] : []),
      ...(on("Q02") ? [p.bodyShare.general] : []),
    ];
    out.push(limit("Q04", pool.length, Math.max(p.townshipShare.share, ...given)));
  }
  if (on("Q05") && u.team) {
    const share = new Map(Object.entries(p.performanceShares.table).map(([k, v]) => [fold(k), v])).get(
      u.team.performance,
    );
    if (share !== undefined) out.push(limit("Q05", pool.length, share));
  }
  return out;
}
