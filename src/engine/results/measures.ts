/**
 * The result-use measures per grade (rules.md §6, R01–R07) as data: what, by whom, for how long.
 * The result-use list, `KH.CONSEQUENCES` and H05's promotion bars all read this one table.
 */
import { BASIC, COMPETENT, EXCELLENT, INCOMPETENT, TEAM_FAIR, TEAM_POOR, type Grade } from "../grades";

export interface Measure {
  zh: string;
  en: string;
  /** Who carries it out, where the source says. */
  by?: { zh: string; en: string };
  /** Lasts this many years from the announcement. */
  years?: number;
  /** Promotion is barred for `years` (what H05 checks a 拟提拔 mark against). */
  barsPromotion?: boolean;
  /** A talk (谈话 / 约谈): listed in its own section of the result-use list. */
  talk?: boolean;
  /**
   * Whom it concerns when not the person graded: the unit's principal, every cadre of the unit, or the
   * team as a whole.
   */
  target?: "principal" | "members" | "team";
}

export interface MeasureRule {
  rule: string;
  /** Whose grade triggers it. */
  of: "cadre" | "team";
  grade: Grade;
  measures: Measure[];
}

const ORG = { zh: "组织部门负责同志", en: "a responsible official of the organization department" };
const COMMITTEE = { zh: "党委（党组）负责同志", en: "a responsible official of the party committee" };
const UNIT = { zh: "所在单位", en: "the unit" };

export const MEASURES: MeasureRule[] = [
  {
    rule: "R01",
    of: "cadre",
    grade: EXCELLENT,
    measures: [
      { zh: "通报表扬", en: "public commendation", by: UNIT },
      { zh: "给予嘉奖", en: "嘉奖 (commendation)" },
      { zh: "发放年度考核奖金", en: "annual appraisal bonus" },
      { zh: "按规定晋升工资档次", en: "salary step as provided (H04)" },
      { zh: "晋升职级所需任职年限缩短半年", en: "time needed for the next rank shortened by half a year" },
    ],
  },
  {
    rule: "R02",
    of: "cadre",
    grade: COMPETENT,
    measures: [
      { zh: "发放年度考核奖金", en: "annual bonus" },
      { zh: "本年度计算为晋升职级的任职年限", en: "the year counts toward rank seniority" },
    ],
  },
  {
    rule: "R03",
    of: "cadre",
    grade: BASIC,
    measures: [
      { zh: "在本单位内通报批评并进行诫勉", en: "criticism within the unit and 诫勉", by: UNIT },
      { zh: "向组织部门作出书面检查", en: "written self-examination to the organization department" },
      { zh: "一年内不得提拔、进一步使用或晋升职级", en: "no promotion for one year", years: 1, barsPromotion: true },
      { zh: "不发放年度考核奖金", en: "no annual bonus" },
      {
        zh: "调整分工，不得分管执法、人事、项目审批等工作",
        en: "duties re-assigned, not over law enforcement, personnel or project approval",
        by: UNIT,
      },
      {
        zh: "由组织部门负责同志谈话",
        en: "talk by a responsible official of the organization department",
        by: ORG,
        talk: true,
      },
    ],
  },
  {
    rule: "R04",
    of: "cadre",
    grade: INCOMPETENT,
    measures: [
      { zh: "所在班子及其正职不得评为优秀", en: "the team and its principal may not be 优秀" },
      { zh: "在本单位内通报批评", en: "criticism within the unit", by: UNIT },
      {
        zh: "约谈所在单位正职",
        en: "the unit's principal is called in for a talk",
        by: ORG,
        talk: true,
        target: "principal",
      },
      { zh: "向党委（党组）作出书面检查", en: "written self-examination to the party committee" },
      { zh: "降低一个职务或职级层次任职", en: "demoted one post or rank level" },
      { zh: "两年内不得提拔、进一步使用或晋升职级", en: "no promotion for two years", years: 2, barsPromotion: true },
      { zh: "不发放年度考核奖金", en: "no annual bonus" },
      {
        zh: "由党委（党组）负责同志谈话",
        en: "talk by a responsible official of the party committee",
        by: COMMITTEE,
        talk: true,
      },
    ],
  },
  {
    rule: "R05",
    of: "team",
    grade: EXCELLENT,
    measures: [
      { zh: "正职一般确定为优秀", en: "the principal is generally 优秀", target: "principal" },
      { zh: "干部优秀比例可按班子优秀的比例确定", en: "cadres' 优秀 up to the share for a 优秀 team", target: "team" },
      { zh: "班子成员同等条件下优先提拔使用", en: "members may be promoted first", target: "members" },
      { zh: "中层干部优先考虑", en: "middle-level cadres favoured", target: "team" },
    ],
  },
  {
    rule: "R06",
    of: "team",
    grade: TEAM_FAIR,
    measures: [
      { zh: "正职不得评为优秀", en: "the principal may not be 优秀", target: "principal" },
      { zh: "对领导班子通报批评", en: "the team is criticized", target: "team" },
      { zh: "约谈领导班子正职", en: "the principal is called in for a talk", by: ORG, talk: true, target: "principal" },
      {
        zh: "班子成员一年内不得提拔",
        en: "team members not promoted for one year",
        years: 1,
        target: "members",
        barsPromotion: true,
      },
    ],
  },
  {
    rule: "R07",
    of: "team",
    grade: TEAM_POOR,
    measures: [
      {
        zh: "正职不得确定为称职及以上，其他人员不得评为优秀",
        en: "the principal not 称职 or above; no other 优秀",
        target: "team",
      },
      { zh: "对领导班子通报批评", en: "the team is criticized", target: "team" },
      { zh: "正职和班子成员公开作出检讨", en: "public self-criticism by the principal and members", target: "members" },
      {
        zh: "单位党委（党组）作出书面检查并限期整改",
        en: "written examination by the unit's party committee with a deadline for correction",
        target: "team",
      },
      { zh: "正职提出辞职或责令辞职", en: "the principal resigns or is ordered to resign", target: "principal" },
      {
        zh: "本单位干部一年内不得提拔",
        en: "no cadre of the unit promoted for one year",
        years: 1,
        target: "members",
        barsPromotion: true,
      },
      {
        zh: "由党委（党组）负责同志与正职谈话",
        en: "talk with the principal by a responsible official of the party committee",
        by: COMMITTEE,
        talk: true,
        target: "principal",
      },
    ],
  },
];

/**
 * The term system's measures (004: 「对一类领导班子，予以通报表扬，实行物质奖励；对三类领导班子，市委主要领导
 * 与班子成员进行诫勉或提醒谈话…；对四类领导班子及时进行组织调整」, and for cadres 优秀 优先提拔使用,
 * 基本称职 诫勉谈话、限期改正, 当年不称职 不再任用). Team grades are the classes 一类–四类 (ranks 0–3).
 */
const CITY_LEADERS = { zh: "市委主要领导", en: "the city party committee's principal leaders" };
MEASURES.push(
  {
    rule: "R09",
    of: "team",
    grade: 0,
    measures: [
      { zh: "予以通报表扬", en: "public commendation", target: "team" },
      { zh: "实行物质奖励", en: "material reward", target: "team" },
    ],
  },
  {
    rule: "R10",
    of: "team",
    grade: 2,
    measures: [
      {
        zh: "与班子成员进行诫勉或提醒谈话，帮助分析原因、提出改进措施",
        en: "admonishing or reminding talks with the members, analysing causes and improvements",
        by: CITY_LEADERS,
        talk: true,
        target: "members",
      },
    ],
  },
  {
    rule: "R11",
    of: "team",
    grade: 3,
    measures: [{ zh: "及时进行组织调整", en: "organizational adjustment without delay", target: "team" }],
  },
  {
    rule: "R12",
    of: "cadre",
    grade: EXCELLENT,
    measures: [{ zh: "作为优先提拔使用对象，大胆重用", en: "first in line for promotion" }],
  },
  {
    rule: "R13",
    of: "cadre",
    grade: BASIC,
    measures: [{ zh: "诫勉谈话，限期改正", en: "admonishing talk, correction within a deadline", talk: true }],
  },
  {
    rule: "R14",
    of: "cadre",
    grade: INCOMPETENT,
    measures: [
      {
        zh: "不再任用，视情况改任非领导职务、降职使用，或待岗、培训",
        en: "not appointed again: a non-leading post, demotion, or waiting for a post and training",
      },
    ],
  },
);

/** The measure rules a person's own grade and their team's grade trigger, in the ruleset in force. */
export function measuresFor(
  grade: Grade | null,
  teamGrade: Grade | null,
  enabled: (id: string) => boolean,
): MeasureRule[] {
  return MEASURES.filter((m) => enabled(m.rule) && (m.of === "cadre" ? m.grade === grade : m.grade === teamGrade));
}
