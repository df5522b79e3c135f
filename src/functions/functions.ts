/**
 * The KH custom functions. Each is a thin synchronous wrapper over the engine; the metadata plugin
 * reads the JSDoc below to write functions.json and appends the CustomFunctions.associate calls.
 */
import {
  allowedGrades,
  checkRow,
  computeQuota,
  firstBreach,
  gradeLabel,
  isBlank,
  measuresFor,
  parseDate,
  parseGrade,
  RULE_META,
  streak,
  termEnd,
  termStart,
  inheritedTermEnd,
  toSerial,
  UNGRADED,
  teamScaleOf,
  type Grade,
} from "../engine";
import { fail, gradeArg, guard, isBlankArg, rulesetArg, scalar, valueError } from "./args";

/**
 * 班子等次对应的干部优秀比例（Q01），如 0.3。Share of 优秀 a team grade allows its cadres (Q01), e.g. 0.3.
 * @customfunction TEAMCAP
 * @param teamGrade 班子等次：优秀/良好/一般/较差。Team grade.
 * @param [ruleset] 规则集，缺省为工作簿中的规则集。Ruleset id; the workbook's by default.
 * @returns 比例（0–1）。The share (0–1).
 */
export function teamCap(teamGrade: any, ruleset?: string): number {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const g = gradeArg(teamGrade, teamScaleOf(rs), "班子等次");
    if (g === UNGRADED) fail("班子等次为不定等次，没有优秀比例");
    return rs.params.teamShares[g] / 100;
  });
}

/**
 * 班子等次下 n 名参评干部中可评优秀的人数（Q01 取整规则）；可对一列班子等次返回一列。Number of 优秀 allowed among n cadres (Q01 arithmetic); a column of grades gives a column.
 * @customfunction EXCELLENTQUOTA
 * @param teamGrade 班子等次，单元格或区域。Team grade, a cell or a range.
 * @param n 参评人数，数字或与等次同形的区域。Cadres taking part: a number, or a range shaped like the grades.
 * @param [ruleset] 规则集。Ruleset id.
 * @returns 优秀名额。The quota.
 */
export function excellentQuota(teamGrade: any[][], n: any[][], ruleset?: string): any[][] {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const grades = Array.isArray(teamGrade) ? teamGrade : [[teamGrade]];
    const counts = Array.isArray(n) ? n : [[n]];
    const single = counts.length === 1 && counts[0].length === 1;
    if (!single && (counts.length !== grades.length || counts[0].length !== grades[0].length)) {
      fail(`参评人数须为一个数，或与班子等次区域同样大小（${grades.length}×${grades[0].length}）`);
    }
    const one = (g: unknown, k: unknown): unknown => {
      if (isBlankArg(g)) return "";
      if (typeof k !== "number" || !Number.isFinite(k) || k < 0)
        return valueError(`参评人数「${String(k)}」须为非负数`);
      try {
        const grade = gradeArg(g, teamScaleOf(rs), "班子等次");
        if (grade === UNGRADED) return valueError("班子等次为不定等次，没有优秀名额");
        return computeQuota(k, rs.params.teamShares[grade], rs.params.quota).quota;
      } catch (e) {
        return e;
      }
    };
    return grades.map((row, i) => row.map((g, j) => one(g, single ? counts[0][0] : counts[i][j])));
  });
}

/**
 * 规范化的等次；无法识别时返回 #VALUE! 并说明原因（D01）。The canonical grade, or #VALUE! with the reason (D01).
 * @customfunction GRADE
 * @param text 等次，按人们的写法。A grade as people type it.
 * @param [ruleset] 规则集（决定干部还是事业单位等次）。Ruleset id (decides the cadre scale).
 * @returns 规范等次。The canonical grade.
 */
export function grade(text: any, ruleset?: string): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const t = scalar(text);
    if (isBlankArg(t)) fail("等次为空");
    if (typeof t !== "string") fail(`「${String(t)}」不是等次`);
    for (const scale of [rs.scale, teamScaleOf(rs), "political"] as const) {
      const p = parseGrade(t, scale);
      if (p.ok) return gradeLabel(p.grade, scale);
    }
    return fail(`「${t}」不是可识别的等次（D01）`);
  });
}

/**
 * 此人可评定的等次。The grades a person may receive under the rules in force.
 * @customfunction ALLOWEDGRADES
 * @param teamGrade 所在班子等次。The unit's team grade.
 * @param isPrincipal 是否正职：是/否。Is the person the principal.
 * @param [sanction] 本年处分或处理。Sanction this year.
 * @param [politicalQuality] 政治素质：好/较好/一般/较差。Political quality.
 * @param [regularScore] 平时考核得分。Regular-assessment score.
 * @param [ruleset] 规则集。Ruleset id.
 * @returns 等次列表，如“称职、基本称职、不称职、不定等次”。The allowed grades as text.
 */
export function allowed(
  teamGrade: any,
  isPrincipal: any,
  sanction?: any,
  politicalQuality?: any,
  regularScore?: any,
  ruleset?: string,
): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    gradeArg(teamGrade, teamScaleOf(rs), "班子等次");
    const args = rowArgs(teamGrade, isPrincipal, sanction, politicalQuality, regularScore);
    const bad = firstBreach(
      checkRow({ ...args, grade: "不定等次" }, rs).filter((f) => f.rule === "D01" || f.rule === "D06"),
    );
    if (bad) fail(bad.message);
    return allowedGrades(args, rs).join("、");
  });
}

function rowArgs(teamGrade: unknown, isPrincipal: unknown, sanction?: unknown, political?: unknown, score?: unknown) {
  const opt = (v: unknown) => (isBlankArg(scalar(v)) ? undefined : scalar(v));
  return {
    teamGrade: opt(teamGrade),
    principal: opt(isPrincipal) ?? "否",
    sanction: opt(sanction),
    political: opt(political),
    regularScore: opt(score),
  };
}

/**
 * 本行无问题时为空，否则为违反的第一条规则，如“L02 …”。"" when the row keeps the rules, else the first rule broken.
 * @customfunction CHECK
 * @param teamGrade 所在班子等次。The unit's team grade.
 * @param grade 本年等次。This year's grade.
 * @param isPrincipal 是否正职。Is the person the principal.
 * @param [sanction] 本年处分或处理。Sanction this year.
 * @param [politicalQuality] 政治素质。Political quality.
 * @param [regularScore] 平时考核得分。Regular-assessment score.
 * @param [ruleset] 规则集。Ruleset id.
 * @returns 规则编号和说明，或空。Rule ID and message, or empty.
 */
export function check(
  teamGrade: any,
  grade: any,
  isPrincipal: any,
  sanction?: any,
  politicalQuality?: any,
  regularScore?: any,
  ruleset?: string,
): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    if (isBlankArg(scalar(grade))) return "";
    const f = firstBreach(
      checkRow(
        { ...rowArgs(teamGrade, isPrincipal, sanction, politicalQuality, regularScore), grade: scalar(grade) },
        rs,
      ),
    );
    return f ? `${f.rule} ${f.message}` : "";
  });
}

/**
 * 最近连续获得某等次的年数（从最新一年算起）。Years running a grade was given, newest first.
 * @customfunction STREAK
 * @param grades 各年等次，最新在前（一行或一列）。Grades of the years, newest first (a row or column).
 * @param grade 要统计的等次。The grade to count.
 * @param [ruleset] 规则集（不定等次是否中断）。Ruleset id (whether 不定等次 breaks a run).
 * @returns 连续年数。Years running.
 */
export function streakOf(grades: any[][], grade: any, ruleset?: string): number {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const want = gradeArg(grade, rs.scale, "要统计的等次");
    const flat = (Array.isArray(grades) ? grades : [[grades]]).flat();
    const parsed: (Grade | null)[] = flat.map((v, i) => {
      if (isBlankArg(v)) return null;
      if (typeof v !== "string") return fail(`第 ${i + 1} 个等次「${String(v)}」不是等次`);
      const p = parseGrade(v, rs.scale);
      return p.ok ? p.grade : fail(`第 ${i + 1} 个等次「${v}」不是可识别的等次`);
    });
    return streak(parsed, want, rs.params.ungradedBreaksRun);
  });
}

/**
 * 此人的考核结果运用措施（R01–R07）。The result-use measures for the person (R).
 * @customfunction CONSEQUENCES
 * @param grade 本年等次。This year's grade.
 * @param [teamGrade] 所在班子等次（给出时含班子的措施）。The unit's team grade (adds the team's measures).
 * @param [ruleset] 规则集。Ruleset id.
 * @returns 措施，每条规则一行。The measures, a line per rule.
 */
export function consequences(grade: any, teamGrade?: any, ruleset?: string): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const g = gradeArg(grade, rs.scale, "本年等次");
    const t = isBlankArg(scalar(teamGrade)) ? null : gradeArg(teamGrade, teamScaleOf(rs), "班子等次");
    const rules = measuresFor(g, t, (id) => rs.rules[id] !== undefined);
    return rules.map((m) => `${m.rule}：${m.measures.map((x) => x.zh).join("；")}`).join("\n");
  });
}

function dateArg(v: unknown, what: string) {
  const s = scalar(v);
  if (isBlank(s)) fail(`缺少${what}`);
  const p = parseDate(s);
  if (!p.ok) fail(`${what}「${String(s)}」不是日期`);
  return p.value;
}

/**
 * 任期起算日（T01）：6 月 30 日前任职的自当年 1 月 1 日起算，之后的自次年起算。Term start (T01).
 * @customfunction TERMSTART
 * @param appointedOn 任职决定时间。Date of appointment.
 * @returns 日期（序列号）。The date as a serial number.
 */
export function termStartOf(appointedOn: any): number {
  return guard(() => toSerial(termStart(dateArg(appointedOn, "任职时间"))));
}

/**
 * 任期届满日（T02；中途接任的接续前任任期，T04）。Term end (T02; a mid-term successor inherits the term, T04).
 * @customfunction TERMEND
 * @param appointedOn 任职决定时间。Date of appointment.
 * @param [predecessorAppointedOn] 前任任职时间（中途接任时）。The predecessor's appointment, when taking over mid-term.
 * @param [ruleset] 规则集（任期年限）。Ruleset id (term length).
 * @returns 日期（序列号）。The date as a serial number.
 */
export function termEndOf(appointedOn: any, predecessorAppointedOn?: any, ruleset?: string): number {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const own = dateArg(appointedOn, "任职时间");
    if (!isBlank(scalar(predecessorAppointedOn)))
      return toSerial(inheritedTermEnd(dateArg(predecessorAppointedOn, "前任任职时间"), rs.params.term.years));
    return toSerial(termEnd(termStart(own), rs.params.term.years));
  });
}

/**
 * 规则的条文与依据，便于审核。A rule's text and source, for auditing.
 * @customfunction RULE
 * @param id 规则编号，如 L02。Rule ID, e.g. L02.
 * @param [ruleset] 规则集。Ruleset id.
 * @returns 编号、条文、级别与依据。ID, text, severity and source.
 */
export function rule(id: any, ruleset?: string): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    const key = String(scalar(id) ?? "")
      .trim()
      .toUpperCase();
    const m = RULE_META.get(key);
    if (!m) fail(`没有编号为「${String(scalar(id))}」的规则`);
    const setting = rs.rules[key];
    const sev = { error: "错误", warning: "警告", info: "提示" }[setting?.severity ?? m.severity];
    return `${key} ${m.title.zh}（${sev}${setting ? "" : "，本规则集未启用"}）—— ${setting?.source ?? m.source}`;
  });
}

/**
 * 工作簿中正在使用的规则集：编号和指纹。The ruleset in force: its id and fingerprint.
 * @customfunction RULESET
 * @param [ruleset] 规则集（给出时显示该规则集）。Ruleset id (shows that one instead).
 * @returns 编号和指纹。Id and fingerprint.
 */
export function rulesetInfo(ruleset?: string): string {
  return guard(() => {
    const rs = rulesetArg(ruleset);
    return `${rs.id} ${rs.fingerprint}`;
  });
}
