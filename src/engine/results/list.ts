/**
 * The result-use list (结果运用清单): every measure the grades call for, per person and per team, with
 * the rule, who carries it out and until when. Only rules the ruleset in force turns on yield measures.
 */
import { isGraded } from "../grades";
import { a1 } from "../model/a1";
import type { CadreRow, Model, Unit } from "../model/types";
import type { ResolvedRuleset } from "../ruleset/resolve";
import { RUN_RULES, runOf, salaryOutcome } from "../rules/history";
import type { Day } from "../values";
import { isoDay } from "../values";
import { measuresFor, type Measure } from "./measures";

export interface ResultItem {
  rule: string;
  unit: string;
  /** Absent for a measure on the team as a whole. */
  person?: string;
  measure: string;
  measureEn: string;
  /** Who carries it out; null where the source does not say. */
  by: string | null;
  byEn: string | null;
  /** ISO date the measure lasts until, or null. */
  until: string | null;
  talk: boolean;
  /** The person's (or the team's) row, for a link. */
  sheet: string;
  cell: string;
}

export interface ResultOptions {
  /** The announcement date; one- and two-year measures run from it. */
  announced?: Day;
}

/** `start` plus whole years; 29 February falls back to the 28th in a common year. */
export function addYears(start: Day, years: number): Day {
  const y = start.y + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return { y, m: start.m, d: start.m === 2 && start.d === 29 && !leap ? 28 : start.d };
}

/** Announcement date, else the end of the appraisal year; null when neither is known. */
/** From the date given, else the 公布日期 on the workbook's 规则 sheet, else the end of the appraisal year. */
export function measureStart(model: Model, opts: ResultOptions): Day | null {
  if (opts.announced) return opts.announced;
  if (model.carried?.announced) return model.carried.announced;
  return model.year ? { y: model.year, m: 12, d: 31 } : null;
}

export function resultList(model: Model, ruleset: ResolvedRuleset, opts: ResultOptions = {}): ResultItem[] {
  const on = (id: string) => ruleset.rules[id] !== undefined;
  const start = measureStart(model, opts);
  const cs = model.cadreSheet;
  const ts = model.teamSheet;
  const items: ResultItem[] = [];
  const rowOf = (p: CadreRow) => ({ sheet: cs?.name ?? "", cell: cs ? a1(p.r, cs.cols.name ?? 0) : "" });
  const teamRowOf = (u: Unit) =>
    u.team && ts
      ? { sheet: ts.name, cell: a1(u.team.r, ts.cols.unit ?? 0) }
      : u.cadres[0]
        ? rowOf(u.cadres[0])
        : { sheet: "", cell: "" };
  const push = (
    rule: string,
    unit: string,
    person: string | undefined,
    m: Pick<Measure, "zh" | "en" | "by" | "years" | "talk">,
    where: { sheet: string; cell: string },
  ) => {
    items.push({
      rule,
      unit,
      ...(person !== undefined ? { person } : {}),
      measure: m.zh,
      measureEn: m.en,
      by: m.by?.zh ?? null,
      byEn: m.by?.en ?? null,
      until: m.years && start ? isoDay(addYears(start, m.years)) : null,
      talk: Boolean(m.talk),
      ...where,
    });
  };

  for (const p of model.cadres) {
    if (!isGraded(p.grade)) continue;
    for (const mr of measuresFor(p.grade, null, on)) {
      for (const m of mr.measures) {
        if (m.target !== "principal") push(mr.rule, p.unit, p.name, m, rowOf(p));
        else {
          // e.g. R04: a cadre is 不称职, so the unit's principal is called in.
          const because = { ...m, zh: `${m.zh}（因${p.name}不称职）`, en: `${m.en} (${p.name} graded 不称职)` };
          for (const q of model.unitByKey.get(p.unitKey)?.principals ?? [])
            push(mr.rule, p.unit, q.name, because, rowOf(q));
        }
      }
    }
    for (const r of RUN_RULES)
      if (on(r.rule) && runOf(p, r, ruleset.params.ungradedBreaksRun))
        push(r.rule, p.unit, p.name, r.measure, rowOf(p));
    const salary = on("H04") ? salaryOutcome(p) : null;
    if (salary?.step) push("H04", p.unit, p.name, { zh: "晋升一个工资档次", en: "one salary step" }, rowOf(p));
    if (salary?.level) push("H04", p.unit, p.name, { zh: "晋升一个级别", en: "one level" }, rowOf(p));
    if (on("R08") && p.democraticLow !== null && p.democraticLow >= ruleset.params.democraticLowShare) {
      const principal = model.unitByKey.get(p.unitKey)?.principals[0];
      const by = principal && principal !== p ? `${principal.name}（班子正职）` : "班子正职";
      push(
        "R08",
        p.unit,
        p.name,
        {
          zh: `民主测评基本称职和不称职票占 ${p.democraticLow}%，由班子正职谈话`,
          en: `${p.democraticLow}% 基本称职/不称职 votes: talk by the team's principal`,
          by: { zh: by, en: "the team's principal" },
          talk: true,
        },
        rowOf(p),
      );
    }
  }

  for (const u of model.units) {
    for (const mr of measuresFor(null, u.teamGrade, on)) {
      for (const m of mr.measures) {
        if (m.target === "principal") for (const p of u.principals) push(mr.rule, u.name, p.name, m, rowOf(p));
        else if (m.target === "members") for (const p of u.cadres) push(mr.rule, u.name, p.name, m, rowOf(p));
        else push(mr.rule, u.name, undefined, m, teamRowOf(u));
      }
    }
  }
  return sortItems(items, model);
}

/** Grouped by measure (in the order of the rules), then unit (in sheet order), then person. */
function sortItems(items: ResultItem[], model: Model): ResultItem[] {
  const unitOrder = new Map(model.units.map((u, i) => [u.name, i]));
  const measureOrder = new Map<string, number>();
  for (const it of items)
    if (!measureOrder.has(`${it.rule}\u0000${it.measure}`))
      measureOrder.set(`${it.rule}\u0000${it.measure}`, measureOrder.size);
  const key = (it: ResultItem) => measureOrder.get(`${it.rule}\u0000${it.measure}`)!;
  return items
    .map((it, i) => ({ it, i }))
    .sort(
      (a, b) =>
        a.it.rule.localeCompare(b.it.rule) ||
        key(a.it) - key(b.it) ||
        (unitOrder.get(a.it.unit) ?? 0) - (unitOrder.get(b.it.unit) ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.it);
}

/** The talks (谈话 / 约谈) of R03, R04, R06, R07, R08: who talks to whom. */
export function talks(items: ResultItem[]): ResultItem[] {
  return items.filter((i) => i.talk);
}
