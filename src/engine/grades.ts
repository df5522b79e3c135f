/**
 * Grade scales (rules.md §1) and the normalization of grades as people type them.
 * A grade is its rank within its scale, best first (0 = 优秀 / 好); UNGRADED stands apart.
 */
import { fold } from "./text";

export type ScaleId = "team" | "termClass" | "cadre" | "institution" | "political";
export const UNGRADED = 9 as const;
export type Rank = 0 | 1 | 2 | 3;
export type Grade = Rank | typeof UNGRADED;

export interface Scale {
  id: ScaleId;
  labels: readonly [string, string, string, string];
  ids: readonly [string, string, string, string];
  title: { zh: string; en: string };
}

export const SCALES: Record<ScaleId, Scale> = {
  team: {
    id: "team",
    labels: ["优秀", "良好", "一般", "较差"],
    ids: ["EXCELLENT", "GOOD", "FAIR", "POOR"],
    title: { zh: "领导班子", en: "leadership team" },
  },
  // The term system's team classes (004: 把领导班子分为一、二、三、四类): best first, like the team grades.
  termClass: {
    id: "termClass",
    labels: ["一类", "二类", "三类", "四类"],
    ids: ["CLASS_1", "CLASS_2", "CLASS_3", "CLASS_4"],
    title: { zh: "领导班子类别", en: "team class" },
  },
  cadre: {
    id: "cadre",
    labels: ["优秀", "称职", "基本称职", "不称职"],
    ids: ["EXCELLENT", "COMPETENT", "BASIC", "INCOMPETENT"],
    title: { zh: "干部/公务员", en: "cadre / civil servant" },
  },
  institution: {
    id: "institution",
    labels: ["优秀", "合格", "基本合格", "不合格"],
    ids: ["EXCELLENT", "QUALIFIED", "BASIC", "UNQUALIFIED"],
    title: { zh: "事业单位工作人员", en: "public-institution staff" },
  },
  political: {
    id: "political",
    labels: ["好", "较好", "一般", "较差"],
    ids: ["GOOD", "FAIRLY_GOOD", "FAIR", "POOR"],
    title: { zh: "政治素质", en: "political quality" },
  },
};

export const UNGRADED_LABEL = "不定等次";
const UNGRADED_TEXTS = ["不定等次", "只写评语不定等次", "不确定等次", "UNGRADED", "不定等"];

/** Per scale: folded text → grade. Built once. */
const LOOKUP: Record<ScaleId, Map<string, Grade>> = (() => {
  const out = {} as Record<ScaleId, Map<string, Grade>>;
  for (const scale of Object.values(SCALES)) {
    const m = new Map<string, Grade>();
    scale.labels.forEach((label, i) => m.set(label, i as Rank));
    scale.ids.forEach((id, i) => m.set(id, i as Rank));
    // political quality has no 不定等次
    if (scale.id !== "political") for (const t of UNGRADED_TEXTS) m.set(fold(t).toUpperCase(), UNGRADED);
    out[scale.id] = m;
  }
  return out;
})();

export type GradeParse = { ok: true; grade: Grade } | { ok: false; text: string };

/**
 * Understands spaces, full-width characters, a trailing 等次 / 等 and English ids in any case.
 * Anything else is refused with the text quoted back (D01), never guessed.
 */
export function parseGrade(text: string, scale: ScaleId): GradeParse {
  // The same few texts fill a whole column: remember what each one meant.
  const memo = MEMO[scale];
  const hit = memo.get(text);
  if (hit) return hit;
  const parsed = parseGradeUncached(text, scale);
  if (memo.size < 4096) memo.set(text, parsed);
  return parsed;
}

const MEMO: Record<ScaleId, Map<string, GradeParse>> = {
  team: new Map(),
  termClass: new Map(),
  cadre: new Map(),
  institution: new Map(),
  political: new Map(),
};

function parseGradeUncached(text: string, scale: ScaleId): GradeParse {
  const m = LOOKUP[scale];
  const key = fold(text).toUpperCase();
  let g = m.get(key);
  if (g === undefined && key.endsWith("等次")) g = m.get(key.slice(0, -2));
  if (g === undefined && key.endsWith("等")) g = m.get(key.slice(0, -1));
  return g === undefined ? { ok: false, text } : { ok: true, grade: g };
}

export function gradeLabel(grade: Grade, scale: ScaleId, lang: "zh" | "en" = "zh"): string {
  if (grade === UNGRADED) return lang === "zh" ? UNGRADED_LABEL : "UNGRADED";
  return lang === "zh" ? SCALES[scale].labels[grade] : SCALES[scale].ids[grade];
}

export function isGraded(g: Grade | null | undefined): g is Rank {
  return g !== null && g !== undefined && g !== UNGRADED;
}

export const EXCELLENT: Rank = 0;
/** 称职 / 合格 (second rank of the cadre and institution scales). */
export const COMPETENT: Rank = 1;
export const BASIC: Rank = 2;
export const INCOMPETENT: Rank = 3;
/** Team scale ranks. */
export const TEAM_GOOD: Rank = 1;
export const TEAM_FAIR: Rank = 2;
export const TEAM_POOR: Rank = 3;

/** The labels a cell of this scale accepts, for messages and dropdowns. */
export function acceptedLabels(scale: ScaleId): string[] {
  const labels: string[] = [...SCALES[scale].labels];
  if (scale !== "political") labels.push(UNGRADED_LABEL);
  return labels;
}
