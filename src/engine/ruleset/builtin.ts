/**
 * The built-in rulesets of rules.md §10. Figures the catalog marks *(param)* live here and only here.
 * A new locality is a new object below (or a JSON file passed to `--ruleset`), never new code.
 */
import { DEFAULT_SANCTIONS } from "./sanctions";
import type { Overlay, RuleSetting, Ruleset, RulesetParams } from "./types";

const on = (ids: string[], setting: RuleSetting = {}): Record<string, RuleSetting> =>
  Object.fromEntries(ids.map((id) => [id, { ...setting }]));

const range = (family: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${family}${String(from + i).padStart(2, "0")}`);

/** Data checks, always on. */
const DATA = range("D", 1, 9);
/**
 * Terms and evaluator weights apply wherever a sheet has their columns (rules.md §7, §8), the audit
 * wherever the workbook carries a 规则 sheet (§9).
 */
const WHERE_COLUMNS = ["T01", "T02", "T03", "T04", "S03", "R08", ...range("A", 1, 6)];

export const DEFAULT_PARAMS: RulesetParams = {
  quota: { rounding: "floor", minimum: 0, excludeUngraded: true, principalCounts: true },
  teamShares: [30, 20, 10, 0],
  bodyShare: { general: 20, max: 25 },
  institutionShares: { general: 20, raised: 25, lowered: 15 },
  townshipShare: { share: 20, categories: ["乡镇", "街道", "乡镇/街道"] },
  performanceShares: { table: { 优秀: 15, 良好: 12, 达标: 10, 诫勉: 8 }, overall: 20 },
  regularScoreMin: 90,
  pointsLostMax: 20,
  sanctions: DEFAULT_SANCTIONS,
  ungradedBreaksRun: true,
  term: { years: 5, maxTerms: 2 },
  weights: { regular: 30, survey: 5, evaluators: {}, highQuality: { min: 55, max: 70, value: null } },
  democraticLowShare: 30,
};

/**
 * Every parameter says where its figure comes from, in whichever ruleset it appears: a share taken from
 * the civil-servant provisions cites them, not the ruleset that merely carries the default.
 */
const COMMON_NOTES = {
  "bodyShare.general": { source: "公务员考核规定（2020）：优秀等次人数一般不超过参加考核人数的 20%" },
  "bodyShare.max": { source: "公务员考核规定（2020）：经同级党委（党组）批准可放宽至 25%" },
  institutionShares: { source: "事业单位工作人员考核规定（2023）第十五条" },
  "townshipShare.share": { source: "浙江 2018：乡镇（街道）公务员年度考核优秀等次比例提高到 20%" },
  "townshipShare.categories": { source: "浙江 2018：适用于乡镇（街道）", local: true },
  performanceShares: { source: "泰兴市 2014 年度考核办法：按单位绩效确定优秀比例" },
  regularScoreMin: { source: "甘肃省 2024：平时考核得分低于 90 分的不得评为优秀" },
  pointsLostMax: { source: "阿勒泰地区：指标失分超过责任分值 20% 的，取消领导班子和主要领导评优资格" },
  "weights.regular": { source: "甘肃省 2024：平时考核结果占年度考核综合得分的 30%" },
  "weights.survey": { source: "来源未作规定，地方设定", local: true },
  "weights.evaluators": { source: "来源未作规定，地方设定", local: true },
  "weights.highQuality": { source: "甘肃省 2024：高质量发展考核结果占 55%–70%" },
  democraticLowShare: { source: "来源未给出比例，地方设定", local: true },
  "quota.rounding": { source: "不超过：向下取整（各地做法不一，可选四舍五入、向上取整）" },
  "quota.minimum": { source: "默认 0；部分地方至少 1 名", local: true },
  "quota.excludeUngraded": { source: "不定等次人员不计入参评人数" },
  "quota.principalCounts": { source: "正职计入参评人数", local: true },
  sanctions: { source: "处分、处理与年度考核等次（两份相互印证的二手资料）" },
  ungradedBreaksRun: { source: "来源未作规定：默认不定等次中断连续年度", local: true },
  "term.years": { source: "党政领导干部任期暂行规定：每个任期 5 年" },
  "term.maxTerms": { source: "同一职位连续任职不超过两个任期" },
};

const JINAN_SOURCE = "济南市 2022 实施办法";
const CS_SOURCE = "公务员考核规定（2020）";
const PI_SOURCE = "事业单位工作人员考核规定（2023）";

export const JINAN_2022: Ruleset = {
  id: "jinan-2022",
  title: { zh: "济南市领导班子和领导干部年度考核（2022）", en: "Jinan annual appraisal of teams and cadres (2022)" },
  year: 2022,
  source: JINAN_SOURCE,
  kind: "base",
  scale: "cadre",
  rules: {
    ...on(DATA),
    ...on(["Q01", ...range("L", 1, 6), "H01", "H02", "H03", "H05", ...range("R", 1, 7)], { source: JINAN_SOURCE }),
    // 000: 「…给予容错的，不影响考核等次评定和结果运用」
    E08: { source: `${JINAN_SOURCE}：容错条款，给予容错的不影响考核等次评定和结果运用` },
    ...on(WHERE_COLUMNS),
  },
  params: DEFAULT_PARAMS,
  paramNotes: {
    ...COMMON_NOTES,
    "teamShares.0": { source: JINAN_SOURCE + "：班子优秀的，优秀比例不超过 30%" },
    "teamShares.1": { source: "来源未规定，地方设定", local: true },
    "teamShares.2": { source: JINAN_SOURCE + "：班子一般的，优秀比例不超过 10%" },
    "teamShares.3": { source: JINAN_SOURCE + "：班子较差的，其他人员不得评为优秀" },
  },
};

export const CIVIL_SERVANT_2020: Ruleset = {
  id: "civil-servant-2020",
  title: { zh: "公务员考核规定（2020）", en: "Civil servant appraisal provisions (2020)" },
  year: 2020,
  source: CS_SOURCE,
  kind: "base",
  scale: "cadre",
  rules: {
    ...on(DATA),
    ...on(["Q02", ...range("E", 5, 8), ...range("H", 1, 4), ...range("R", 1, 4)], { source: CS_SOURCE }),
    ...on(WHERE_COLUMNS),
  },
  params: DEFAULT_PARAMS,
  paramNotes: {
    ...COMMON_NOTES,
    "bodyShare.general": { source: CS_SOURCE + "：优秀等次一般掌握在 20% 以内（二手资料；2007 年试行为 15%）" },
    "bodyShare.max": { source: CS_SOURCE + "：经批准最多不超过 25%（二手资料；2007 年试行为 20%）" },
  },
};

export const PUBLIC_INSTITUTION_2023: Ruleset = {
  id: "public-institution-2023",
  title: { zh: "事业单位工作人员考核规定（2023）", en: "Public-institution staff appraisal provisions (2023)" },
  year: 2023,
  source: PI_SOURCE,
  kind: "base",
  scale: "institution",
  rules: { ...on(DATA), ...on(["Q03", "E06", "E07"], { source: PI_SOURCE }), ...on(WHERE_COLUMNS) },
  params: DEFAULT_PARAMS,
  paramNotes: {
    ...COMMON_NOTES,
    "institutionShares.general": { source: PI_SOURCE + " 第十五条：优秀一般不超过应参加考核人数的 20%" },
    "institutionShares.raised": { source: PI_SOURCE + " 第十五条：获集体奖励或绩效突出的单位可提高至 25%" },
    "institutionShares.lowered": { source: PI_SOURCE + " 第十五条：绩效不合格或被问责的单位降至 15%" },
  },
};

/** Taixing 2014: Q01 as a table keyed by unit performance (rules.md Q05). */
export const TAIXING_2014: Ruleset = {
  id: "taixing-2014",
  title: { zh: "泰兴市按单位绩效确定优秀比例（2014）", en: "Taixing: 优秀 share by unit performance (2014)" },
  year: 2014,
  source: "泰兴市 2014 年度考核办法",
  kind: "base",
  scale: "cadre",
  rules: {
    ...on(DATA),
    ...on(["Q05", ...range("R", 1, 4)], { source: "泰兴市 2014 年度考核办法" }),
    ...on(WHERE_COLUMNS),
  },
  params: DEFAULT_PARAMS,
  paramNotes: {
    ...COMMON_NOTES,
    performanceShares: { source: "泰兴市 2014：优秀 15%、良好 12%、达标 10%、诫勉 8%，总体不超过 20%" },
  },
};

export const GANSU_2024: Overlay = {
  id: "gansu-2024",
  title: { zh: "甘肃省年度考核补充规定（2024）", en: "Gansu supplementary provisions (2024)" },
  year: 2024,
  source: "甘肃省 2024 年度考核办法",
  kind: "overlay",
  defaultBase: "civil-servant-2020",
  rules: on(["E01", "E02", "E03", "S01", "S02", "S04"], { source: "甘肃省 2024 年度考核办法" }),
  // 002: 「对县区主要考核乡村振兴实绩和强县域行动，两项指标占60%权重」 — the county parameter set of S04.
  params: { weights: { countyFocus: { share: 60, value: null } } },
  paramNotes: {
    regularScoreMin: { source: "甘肃：平时考核得分低于 90 分的不得评为优秀" },
    "weights.regular": { source: "甘肃：平时考核结果占年度考核综合得分的 30%" },
    "weights.survey": { source: "甘肃：民意调查占班子年度考核得分的 5%" },
    "weights.countyFocus.share": { source: "甘肃：对县区主要考核乡村振兴实绩和强县域行动，两项指标占 60% 权重" },
    "weights.countyFocus.value": { source: "本地设定的两项指标权重；未设定时 S04 不检查", local: true },
    "weights.highQuality": { source: "甘肃：高质量发展占市州经济社会发展实绩 55%–70% 的权重" },
  },
};

/**
 * 004 (任期目标考核): teams classed 一类–四类 instead of graded, cadres 优秀/称职/基本称职/不称职; the result
 * use is the source's own (R09–R14, H06). No quota figure is given, so no Q rule is on.
 */
export const TERM_SYSTEM_2022: Ruleset = {
  id: "term-system-2022",
  title: {
    zh: "任期目标考核：班子分类和干部档次（2022）",
    en: "Term-target appraisal: team classes and cadre grades (2022)",
  },
  year: 2022,
  source: "干部聘任制拓展交流（2022，任期目标考核）",
  kind: "base",
  scale: "cadre",
  teamScale: "termClass",
  rules: {
    ...on(DATA),
    ...on(["R09", "R10", "R11", "R12", "R13", "R14", "H06"], { source: "任期目标考核（干部聘任制拓展交流）" }),
    ...on(WHERE_COLUMNS),
  },
  params: DEFAULT_PARAMS,
  paramNotes: { ...COMMON_NOTES },
};

/**
 * 001 (阿勒泰地区): 「凡自治区下达的指标失分超过责任分值20% …取消部门单位领导班子和主要领导评优资格」 (E04), and
 * 「对不同主体的评价意见，要赋予不同的权重系数」 (S03) — the source names no figures, so the evaluator
 * weights stay unset (S03 checks them once a locality sets them).
 */
export const ALTAY_2017: Overlay = {
  id: "altay-2017",
  title: { zh: "阿勒泰地区机关干部考核（2017）", en: "Altay prefecture appraisal of officials (2017)" },
  year: 2017,
  source: "阿勒泰地区加强和改进机关干部考核工作研究（2017）",
  kind: "overlay",
  defaultBase: "jinan-2022",
  rules: {
    E04: { source: "阿勒泰地区：指标失分超过责任分值 20% 的，取消领导班子和主要领导评优资格" },
    S03: { source: "阿勒泰地区：对不同主体的评价意见赋予不同的权重系数" },
  },
  params: {},
  paramNotes: {
    pointsLostMax: { source: "阿勒泰地区：指标失分超过责任分值 20% 的，取消领导班子和主要领导评优资格" },
    "weights.evaluators": { source: "阿勒泰地区：要求对不同评价主体赋予不同权重，未给出数值，默认不设", local: true },
  },
};

export const ZHEJIANG_TOWNSHIP_2018: Overlay = {
  id: "zhejiang-township-2018",
  title: { zh: "浙江省乡镇（街道）公务员优秀比例（2018）", en: "Zhejiang township civil servants' 优秀 share (2018)" },
  year: 2018,
  source: "浙江省 2018 乡镇公务员考核办法",
  kind: "overlay",
  defaultBase: "civil-servant-2020",
  rules: on(["Q04"], { source: "浙江省 2018 乡镇公务员考核办法" }),
  params: { townshipShare: { share: 20 } },
  paramNotes: { "townshipShare.share": { source: "浙江 2018：乡镇（街道）公务员优秀比例提高到 20%" } },
};

export const BUILTIN: (Ruleset | Overlay)[] = [
  JINAN_2022,
  CIVIL_SERVANT_2020,
  PUBLIC_INSTITUTION_2023,
  TAIXING_2014,
  GANSU_2024,
  ZHEJIANG_TOWNSHIP_2018,
  ALTAY_2017,
  TERM_SYSTEM_2022,
];

export const DEFAULT_RULESET_ID = "jinan-2022";
