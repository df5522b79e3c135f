/** What the pane shows, computed from findings and the ruleset: pure, so it is tested without a page. */
import {
  gradeLabel,
  paramLeaves,
  paramNote,
  parseA1,
  type CheckResult,
  type Finding,
  type Grade,
  type Model,
  type ResolvedRuleset,
  type ScaleId,
  type Severity,
  type Summary,
} from "../engine";

export type Lang = "zh" | "en";
export type GroupBy = "unit" | "rule" | "file";

export interface Filter {
  severity: Severity | "";
  unit: string;
  rule: string;
  /** A file's name where findings come from several files (the browser app); "" for all. */
  file?: string;
}

/** A finding as listed: from which file (where there are several) and its row's key values. */
export interface ShownFinding extends Finding {
  file?: string;
  /** The row's unit, name and grades, said where there is no sheet to go to. */
  row?: string;
}

/** One checked workbook: the open one (file null) or one of the files picked. */
export interface CheckedEntry {
  file: string | null;
  result: CheckResult;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface Group {
  key: string;
  title: string;
  counts: Counts;
  /** Indexes into the findings list, in the engine's order. */
  items: number[];
}

/** Findings with no unit (missing columns, ruleset weights) are grouped under this key. */
export const NO_UNIT = "";

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0 };
}

export function matches(f: Finding, filter: Filter): boolean {
  return (
    (!filter.severity || f.severity === filter.severity) &&
    (!filter.unit || (f.unit ?? NO_UNIT) === filter.unit) &&
    (!filter.rule || f.rule === filter.rule) &&
    (!filter.file || (f as ShownFinding).file === filter.file)
  );
}

/** Groups in order of first appearance (the engine's order: sheet, row, column), items likewise. */
export function groupFindings(
  findings: Finding[],
  by: GroupBy,
  filter: Filter,
  ruleTitle: (id: string) => string,
  noUnit: string,
): Group[] {
  const groups = new Map<string, Group>();
  findings.forEach((f, i) => {
    if (!matches(f, filter)) return;
    const key = by === "unit" ? (f.unit ?? NO_UNIT) : by === "file" ? ((f as ShownFinding).file ?? "") : f.rule;
    let g = groups.get(key);
    if (!g) {
      const title = by === "rule" ? `${key} ${ruleTitle(key)}` : key || noUnit;
      groups.set(key, (g = { key, title, counts: emptyCounts(), items: [] }));
    }
    g.counts[f.severity]++;
    g.items.push(i);
  });
  return [...groups.values()];
}

/** Filter choices: the units, rules and files that occur, each with how many findings. */
export function choices(findings: ShownFinding[]): {
  units: [string, number][];
  rules: [string, number][];
  files: [string, number][];
} {
  const units = new Map<string, number>();
  const rules = new Map<string, number>();
  const files = new Map<string, number>();
  for (const f of findings) {
    const u = f.unit ?? NO_UNIT;
    units.set(u, (units.get(u) ?? 0) + 1);
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    if (f.file !== undefined) files.set(f.file, (files.get(f.file) ?? 0) + 1);
  }
  return { units: [...units], rules: [...rules].sort(([a], [b]) => a.localeCompare(b)), files: [...files] };
}

/** Each data row's key values, by sheet and 0-based row: unit, name and grades (cadres), unit and grade (teams). */
export function rowKeys(model: Model, lang: Lang): Map<string, string> {
  const grade = (g: Grade | null, scale: ScaleId) => (g === null ? "—" : gradeLabel(g, scale, lang));
  const team = lang === "zh" ? "班子" : "team";
  const keys = new Map<string, string>();
  const join = (parts: string[]) => parts.filter(Boolean).join(" · ");
  if (model.cadreSheet)
    for (const c of model.cadres)
      keys.set(
        `${model.cadreSheet.name}!${c.r}`,
        join([
          c.unit,
          c.name,
          // The team grade from 班子 where the workbook has it, else the cadre row's own column.
          `${grade(c.grade, model.scale)}（${team} ${grade(model.unitByKey.get(c.unitKey)?.teamGrade ?? c.teamGrade, model.teamScale)}）`,
        ]),
      );
  if (model.teamSheet)
    for (const t of model.teams)
      keys.set(`${model.teamSheet.name}!${t.r}`, join([t.unit, `${team} ${grade(t.grade, model.teamScale)}`]));
  return keys;
}

/** Every entry's findings in one list, each with its file where there are several, and its row's key values. */
export function shownFindings(entries: CheckedEntry[], lang: Lang): ShownFinding[] {
  const many = entries.length > 1 || entries.some((e) => e.file !== null);
  if (!many) return entries.flatMap((e) => e.result.findings);
  return entries.flatMap((e) => {
    const keys = rowKeys(e.result.model, lang);
    return e.result.findings.map((f): ShownFinding => {
      const at = parseA1(f.cell);
      return { ...f, file: e.file ?? "", row: (at && keys.get(`${f.sheet}!${at.row}`)) || "" };
    });
  });
}

/** The summary of several checks: rows and counts added. */
export function totalSummary(entries: CheckedEntry[]): Summary {
  const t = { rows: 0, errors: 0, warnings: 0, info: 0 };
  for (const { result: r } of entries) {
    t.rows += r.summary.rows;
    t.errors += r.summary.errors;
    t.warnings += r.summary.warnings;
    t.info += r.summary.info;
  }
  return t;
}

/** Units with at least one error, warning or info, most errors first. */
export function unitSummary(findings: Finding[]): [string, Counts][] {
  const by = new Map<string, Counts>();
  for (const f of findings) {
    if (!f.unit) continue;
    const c = by.get(f.unit) ?? emptyCounts();
    c[f.severity]++;
    by.set(f.unit, c);
  }
  return [...by].sort(([, a], [, b]) => b.error - a.error || b.warning - a.warning || b.info - a.info);
}

const PARAM_LABELS: Record<string, [string, string]> = {
  "quota.rounding": ["名额取整方式", "Quota rounding"],
  "quota.minimum": ["最少名额", "Minimum quota"],
  "quota.excludeUngraded": ["不定等次不计入基数", "不定等次 left out of the base"],
  "quota.principalCounts": ["正职计入本单位基数", "Principal counts in the base"],
  "teamShares.0": ["班子优秀：干部优秀比例 %", "Team 优秀: cadre 优秀 share %"],
  "teamShares.1": ["班子良好：干部优秀比例 %", "Team 良好: cadre 优秀 share %"],
  "teamShares.2": ["班子一般：干部优秀比例 %", "Team 一般: cadre 优秀 share %"],
  "teamShares.3": ["班子较差：干部优秀比例 %", "Team 较差: cadre 优秀 share %"],
  "bodyShare.general": ["优秀一般比例 %", "General 优秀 share %"],
  "bodyShare.max": ["经批准最高比例 %", "Maximum with approval %"],
  "institutionShares.general": ["事业单位优秀比例 %", "Institution 优秀 share %"],
  "institutionShares.raised": ["提高后比例 %", "Raised share %"],
  "institutionShares.lowered": ["降低后比例 %", "Lowered share %"],
  "townshipShare.share": ["乡镇（街道）优秀比例 %", "Township 优秀 share %"],
  "townshipShare.categories": ["乡镇类别", "Township categories"],
  performanceShares: ["按单位绩效的优秀比例 %", "优秀 share by unit performance %"],
  regularScoreMin: ["评优秀的平时考核最低分", "Lowest regular score for 优秀"],
  pointsLostMax: ["责任扣分比例上限 %", "Most responsibility points lost %"],
  sanctions: ["处分影响期", "Sanctions"],
  ungradedBreaksRun: ["不定等次中断连续年数", "不定等次 breaks a run"],
  "term.years": ["任期年数", "Term years"],
  "term.maxTerms": ["最多任期数", "Most terms"],
  "weights.regular": ["平时考核权重 %", "Regular assessment weight %"],
  "weights.survey": ["民意调查权重 %", "Survey weight %"],
  "weights.evaluators": ["测评主体权重 %", "Evaluator weights %"],
  "weights.highQuality": ["高质量发展考核权重 %", "High-quality development weight %"],
  democraticLowShare: ["民主测评基本称职及不称职比例（谈话）%", "Low democratic-evaluation share (talk) %"],
};

function shown(v: unknown, lang: Lang): string {
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  if (v === null || v === undefined) return "—";
  if (typeof v === "string" && /^[[{]/.test(v)) {
    // Lists kept whole on the 规则 sheet (sanctions, categories): their names.
    const list = JSON.parse(v) as unknown;
    if (Array.isArray(list))
      return (
        list.map((x) => (typeof x === "object" && x && "name" in x ? String(x.name) : String(x))).join("、") || "—"
      );
    return Object.keys(list as object).length ? v : "—";
  }
  return String(v);
}

/** The label of a path, or of its nearest labelled parent with the rest of the path (weights.highQuality · min). */
function labelOf(path: string, lang: Lang): string {
  const i = lang === "zh" ? 0 : 1;
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    if (PARAM_LABELS[p]) return p === path ? PARAM_LABELS[p][i] : `${PARAM_LABELS[p][i]} · ${path.slice(p.length + 1)}`;
  }
  return path;
}

/** Every parameter of the ruleset (as the 规则 sheet lists them) with its figure and where it comes from. */
export function paramRows(
  rs: ResolvedRuleset,
  lang: Lang,
): { label: string; value: string; source: string; local: boolean }[] {
  return paramLeaves(rs.params).map(([path, value]) => {
    const note = paramNote(rs, path);
    return { label: labelOf(path, lang), value: shown(value, lang), source: note.source, local: note.local === true };
  });
}
