/** T — terms of office (rules.md §7), checked where the sheet has 任职时间 / 任期届满时间 / 任期届次. */
import { sameDay, termEnd, termStart, inheritedTermEnd } from "../terms";
import { isoDay } from "../values";
import { cadreAt } from "./helpers";
import type { RuleModule, Fix, RuleMeta } from "./types";

const SOURCE = "党政领导干部职务任期暂行规定";
const TERM_NEEDS = [
  { sheet: "cadre" as const, col: "appointedOn" as const, optional: true },
  { sheet: "cadre" as const, col: "termEnd" as const, optional: true },
];

/** The term end a row should show, and which rule decides it. */
function expectedEnd(
  p: { appointedOn: import("../values").Day | null; predecessorAppointedOn: import("../values").Day | null },
  years: number,
) {
  if (p.predecessorAppointedOn) return { rule: "T04", end: inheritedTermEnd(p.predecessorAppointedOn, years) };
  return p.appointedOn ? { rule: "T02", end: termEnd(termStart(p.appointedOn), years) } : null;
}

/** One check for T01, T02 and T04: a 届满时间 that differs from the computed one names the rule it missed. */
function termEndRule(id: "T01" | "T02" | "T04"): RuleModule["check"] {
  return (ctx) => {
    const years = ctx.params.term.years;
    for (const p of ctx.model.cadres) {
      if (!p.termEnd) continue;
      const want = expectedEnd(p, years);
      if (!want || sameDay(want.end, p.termEnd)) continue;
      // Counting from the appointment day itself instead of 1 January is T01's mistake.
      const naive = p.appointedOn ? termEnd(p.appointedOn, years) : null;
      const missed = want.rule === "T04" ? "T04" : naive && sameDay(naive, p.termEnd) ? "T01" : "T02";
      if (missed !== id) continue;
      const why = {
        T01: "任期应自任职当年（6 月 30 日后任职的为次年）1 月 1 日起算",
        T02: `任期 ${years} 年，届满日为起算日加 ${years} 年减 1 天`,
        T04: "中途接任的，任期接续前任剩余任期",
      }[id];
      const whyEn = {
        T01: "a term counts from 1 January of the year of appointment (next year after 30 June)",
        T02: `a term is ${years} years: start + ${years} years − 1 day`,
        T04: "one who takes over mid-term inherits the predecessor's remaining term",
      }[id];
      ctx.report({
        at: cadreAt(ctx.model, p, "termEnd"),
        unit: p.unit,
        person: p.name,
        zh: `任期届满时间应为 ${isoDay(want.end)}（表中为 ${isoDay(p.termEnd)}）：${why}`,
        en: `Term should end on ${isoDay(want.end)} (sheet says ${isoDay(p.termEnd)}): ${whyEn}`,
      });
    }
  };
}

export const T01_META: RuleMeta = {
  id: "T01",
  severity: "warning",
  source: SOURCE,
  title: {
    zh: "任期起算：6 月 30 日前任职的自当年 1 月 1 日起算，之后的自次年起算",
    en: "Term start: 1 January of the year (next year after 30 June)",
  },
  needs: TERM_NEEDS,
};

const T01_FIX: Fix = { zh: "核对任职时间", en: "Check the appointment date" };

export const T01: RuleModule = {
  meta: T01_META,
  fix: T01_FIX,
  check: termEndRule("T01"),
};

export const T02_META: RuleMeta = {
  id: "T02",
  severity: "warning",
  source: SOURCE,
  title: {
    zh: "每个任期 5 年，届满日为起算日加任期减 1 天",
    en: "A term is 5 years; it ends the day before the anniversary",
  },
  needs: TERM_NEEDS,
};

const T02_FIX: Fix = { zh: "核对任职时间和任期届满时间", en: "Check the appointment date and the term end" };

export const T02: RuleModule = {
  meta: T02_META,
  fix: T02_FIX,
  check: termEndRule("T02"),
};

export const T04_META: RuleMeta = {
  id: "T04",
  severity: "warning",
  source: SOURCE,
  title: { zh: "中途接任的，接续前任剩余任期", en: "Taking over mid-term inherits the remaining term" },
  needs: [...TERM_NEEDS, { sheet: "cadre", col: "predecessorAppointedOn", optional: true }],
};

const T04_FIX: Fix = {
  zh: "核对前任任职时间和任期届满时间",
  en: "Check the predecessor's appointment and the term end",
};

export const T04: RuleModule = {
  meta: T04_META,
  fix: T04_FIX,
  check: termEndRule("T04"),
};

export const T03_META: RuleMeta = {
  id: "T03",
  severity: "warning",
  source: SOURCE,
  title: { zh: "正职在同一职位任职不超过两个任期", en: "A principal holds one post for at most two terms" },
  needs: [
    { sheet: "cadre", col: "termNo", optional: true },
    { sheet: "cadre", col: "principal", optional: true },
  ],
};

const T03_FIX: Fix = {
  zh: "核对任期届次；届满两个任期的应交流或改任",
  en: "Check the term number; after two terms the principal moves",
};

export const T03: RuleModule = {
  meta: T03_META,
  fix: T03_FIX,
  check(ctx) {
    const max = ctx.params.term.maxTerms;
    for (const p of ctx.model.cadres) {
      if (!p.principal || p.termNo === null || p.termNo <= max) continue;
      ctx.report({
        at: cadreAt(ctx.model, p, "termNo"),
        unit: p.unit,
        person: p.name,
        zh: `正职在同一职位已是第 ${p.termNo} 个任期，超过 ${max} 个任期，应交流或改任非领导职务`,
        en: `Principal in term ${p.termNo} of the same post, beyond ${max}: rotate or move to a non-leading post`,
      });
    }
  },
};

export const TERM_RULES = [T01, T02, T03, T04];
