/** What each ruleset parameter is called on the 规则 sheet, for the person who reads it. */
const TEAM = ["优秀", "良好", "一般", "较差"];

const FIXED: Record<string, string> = {
  "quota.rounding": "优秀名额取整方式（floor 向下取整 / round-half-up 四舍五入 / ceil 向上取整）",
  "quota.minimum": "优秀名额至少（人）",
  "quota.excludeUngraded": "不定等次人员不计入参评人数",
  "quota.principalCounts": "正职计入参评人数",
  "bodyShare.general": "全体人员优秀比例（一般）",
  "bodyShare.max": "全体人员优秀比例上限（经批准）",
  "institutionShares.general": "事业单位优秀比例（一般）",
  "institutionShares.raised": "事业单位优秀比例（单位获集体奖励）",
  "institutionShares.lowered": "事业单位优秀比例（单位考核不合格或被问责）",
  "townshipShare.share": "乡镇（街道）优秀比例",
  "townshipShare.categories": "按乡镇（街道）比例的单位类别",
  "performanceShares.overall": "按单位绩效定比例时的总体上限",
  regularScoreMin: "评为优秀的平时考核最低分",
  pointsLostMax: "责任指标失分率上限（超过的，班子和正职不得评优）",
  sanctions: "处分或处理对等次的限制（见下方处分表）",
  ungradedBreaksRun: "不定等次中断连续年度的计算",
  "term.years": "每个任期的年数",
  "term.maxTerms": "同一职位连续任职最多任期数",
  "weights.regular": "平时考核占年度综合得分的比重",
  "weights.survey": "民意调查占年度综合得分的比重",
  "weights.evaluators": "各评价主体的权重（未设定）",
  "weights.highQuality.min": "高质量发展考核占比下限",
  "weights.highQuality.max": "高质量发展考核占比上限",
  "weights.highQuality.value": "高质量发展考核占比（本地取值）",
  "weights.countyFocus.share": "县区乡村振兴实绩和强县域行动两项指标权重",
  "weights.countyFocus.value": "县区两项指标权重（本地取值）",
  democraticLowShare: "民主测评基本称职及不称职票比例达到此值须谈话",
};

/** Parameters that are shares in percent: shown as 30%, stored as 30. */
const PERCENT =
  /^(teamShares|bodyShare|institutionShares|townshipShare\.share|performanceShares|pointsLostMax|weights|democraticLowShare)/;

export function paramLabel(path: string): { zh: string; percent: boolean } {
  const percent = PERCENT.test(path);
  const team = /^teamShares\.(\d)$/.exec(path);
  if (team) return { zh: `班子为${TEAM[Number(team[1])]}等次时，干部优秀比例上限`, percent };
  const perf = /^performanceShares\.table\.(.+)$/.exec(path);
  if (perf) return { zh: `单位绩效为「${perf[1]}」时的优秀比例`, percent };
  const evaluator = /^weights\.evaluators\.(.+)$/.exec(path);
  if (evaluator) return { zh: `评价主体「${evaluator[1]}」的权重`, percent };
  return { zh: FIXED[path] ?? path, percent };
}
