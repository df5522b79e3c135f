/**
 * Deterministic appraisal data: the bundled sample (a dozen units with planted mistakes of each kind)
 * and large clean-ish books for the benchmark. Pure: rows of values in header order.
 */
import type { WorkbookInput } from "../engine/model/types";

export interface GeneratedBook {
  year: number;
  teamHeaders: string[];
  teams: unknown[][];
  cadreHeaders: string[];
  cadres: unknown[][];
}

/** mulberry32: small, seeded, good enough to make names. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文斌宇浩晨阳光辉鹏飞春雪梅兰松林海波云峰亮";

export function nameMaker(seed: number): () => string {
  const r = rng(seed);
  const used = new Set<string>();
  return () => {
    for (;;) {
      const len = r() < 0.6 ? 2 : 1;
      let n = SURNAMES[Math.floor(r() * SURNAMES.length)];
      for (let i = 0; i < len; i++) n += GIVEN[Math.floor(r() * GIVEN.length)];
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
}

export const TEAM_HEADERS = ["序号", "单位", "单位类别", "本年班子等次", "上年班子等次"];
export function cadreHeaders(year: number): string[] {
  return [
    "序号",
    "单位",
    "姓名",
    "职务",
    "是否正职",
    "本年等次",
    `${year - 1}年度等次`,
    `${year - 2}年度等次`,
    "平时考核得分",
    "拟提拔",
    "备注",
  ];
}

interface Person {
  name: string;
  position: string;
  principal: boolean;
  grade: string;
  prev1: string;
  prev2: string;
  score: unknown;
  promote: string;
  note: string;
}

const QUOTA_SHARE: Record<string, number> = { 优秀: 0.3, 良好: 0.2, 一般: 0.1, 较差: 0 };

/** A unit whose grades keep every rule: 优秀 within the team grade's quota, principal per L01–L03. */
function cleanUnit(r: () => number, name: () => string, teamGrade: string, size: number): Person[] {
  const quota = Math.floor(size * QUOTA_SHARE[teamGrade]);
  const principalGrade = teamGrade === "优秀" ? "优秀" : teamGrade === "较差" ? "基本称职" : "称职";
  const people: Person[] = [];
  let excellent = principalGrade === "优秀" ? 1 : 0;
  for (let i = 0; i < size; i++) {
    const principal = i === 0;
    let grade = principal ? principalGrade : "称职";
    if (!principal && excellent < quota && r() < 0.5) {
      grade = "优秀";
      excellent++;
    }
    const prev1 = r() < 0.25 ? "优秀" : "称职";
    people.push({
      name: name(),
      position: principal
        ? "局长"
        : i < 4
          ? "副局长"
          : ["处长", "副处长", "一级调研员", "二级调研员"][Math.floor(r() * 4)],
      principal,
      grade,
      prev1,
      prev2: prev1 === "优秀" && grade === "优秀" ? "称职" : r() < 0.2 ? "优秀" : "称职",
      score: grade === "优秀" ? 90 + Math.floor(r() * 10) : 80 + Math.floor(r() * 15),
      promote: "否",
      note: "",
    });
  }
  return people;
}

function toRows(units: { unit: string; people: Person[] }[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const u of units) {
    for (const p of u.people) {
      rows.push([
        rows.length + 1,
        u.unit,
        p.name,
        p.position,
        p.principal ? "是" : "否",
        p.grade,
        p.prev1,
        p.prev2,
        p.score,
        p.promote,
        p.note,
      ]);
    }
  }
  return rows;
}

/** The bundled sample: 2025, twelve units in the teams sheet, one more only on the cadre sheet. */
export function sampleBook(): GeneratedBook {
  const year = 2025;
  const r = rng(2025);
  const name = nameMaker(7);
  const plan: [string, string, string, string][] = [
    ["市发展和改革委员会", "市直部门", "优秀", "优秀"],
    ["市教育局", "市直部门", "一般", "良好"],
    ["市财政局", "市直部门", "良好", "良好"],
    ["市公安局", "市直部门", "优秀", "优秀"],
    ["市文化和旅游局", "市直部门", "较差", "一般"],
    ["市卫生健康委员会", "市直部门", "良好", "优秀"],
    ["市自然资源和规划局", "市直部门", "一般", "一般"],
    ["市住房和城乡建设局", "市直部门", "良好", "良好"],
    ["市交通运输局", "市直部门", "良好", "良好"],
    ["市农业农村局", "市直部门", "优秀", "良好"],
    ["市市场监督管理局", "市直部门", "良好", "良好"],
    ["历下区", "区县", "良好", "优秀"],
  ];
  const units = plan.map(([unit, , grade], i) => ({ unit, people: cleanUnit(r, name, grade, 20 + ((i * 7) % 11)) }));
  const at = (unit: string) => units.find((u) => u.unit === unit)!.people;
  const set = (p: Person, patch: Partial<Person>) => Object.assign(p, patch);

  // L02 + Q01: team 一般, the principal 优秀 and three more 优秀 (10% of 23 allows 2).
  set(at("市教育局")[0], { grade: "优秀", score: 95 });
  for (const p of at("市教育局").slice(5, 7)) set(p, { grade: "优秀", score: 93 });
  // L01: team 优秀, principal only 称职.
  set(at("市公安局")[0], { grade: "称职" });
  // L03, L04, Q01: team 较差, principal 称职, a deputy 优秀.
  set(at("市文化和旅游局")[0], { grade: "称职" });
  set(at("市文化和旅游局")[2], { grade: "优秀", score: 91 });
  // L06: a cadre 不称职 while the principal is 优秀.
  set(at("市卫生健康委员会")[0], { grade: "优秀", score: 96 });
  set(at("市卫生健康委员会")[6], { grade: "不称职", prev1: "基本称职", score: 62 });
  // L05: team 一般 two years running, principal still 称职.
  // (市自然资源和规划局 principal is 称职 by construction.)
  // D01, D07, D06: text that is not a grade, a blank grade, a score that is not a number.
  set(at("市住房和城乡建设局")[3], { grade: "优良" });
  set(at("市住房和城乡建设局")[4], { grade: "" });
  set(at("市住房和城乡建设局")[5], { score: "九十五" });
  // D04 and D05: one person twice, and a second principal.
  const transport = at("市交通运输局");
  transport.push({ ...transport[8] });
  set(transport[1], { principal: true, position: "局长（兼）" });
  // H01: 优秀 three years running; H03: 不称职 two years running.
  const agri = at("市农业农村局");
  set(agri[3], { grade: "优秀", prev1: "优秀", prev2: "优秀", score: 97 });
  set(at("市财政局")[9], { grade: "不称职", prev1: "不称职", score: 60 });
  // H02 and H05: 基本称职 two years running, and proposed for promotion all the same.
  set(at("市市场监督管理局")[4], { grade: "基本称职", prev1: "基本称职", promote: "是", score: 75 });
  // 不定等次 for a cadre under case review (note only: jinan-2022 does not turn E07 on).
  set(at("历下区")[7], { grade: "不定等次", note: "立案审查调查中，暂不定等次" });
  // D03: a unit that only the cadre sheet knows.
  units.push({ unit: "市统计局", people: cleanUnit(r, name, "良好", 6) });

  return {
    year,
    teamHeaders: TEAM_HEADERS,
    teams: plan.map(([unit, cat, g, prev], i) => [i + 1, unit, cat, g, prev]),
    cadreHeaders: cadreHeaders(year),
    cadres: toRows(units),
  };
}

/** A large book for the benchmark: `units` units of `perUnit` cadres, every rule kept but a few. */
export function largeBook(units: number, perUnit: number, seed = 1, mistakeRate = 0.05): GeneratedBook {
  const year = 2025;
  const r = rng(seed);
  const name = nameMaker(seed + 1);
  const grades = ["优秀", "良好", "良好", "良好", "一般", "较差"];
  const plan = Array.from(
    { length: units },
    (_, i) => [`第${i + 1}单位`, "市直部门", grades[Math.floor(r() * grades.length)], "良好"] as const,
  );
  const list = plan.map(([unit, , g]) => ({ unit, people: cleanUnit(r, name, g, perUnit) }));
  for (const u of list) if (r() < mistakeRate) u.people[1].grade = "优良";
  return {
    year,
    teamHeaders: TEAM_HEADERS,
    teams: plan.map(([unit, cat, g, prev], i) => [i + 1, unit, cat, g, prev]),
    cadreHeaders: cadreHeaders(year),
    cadres: toRows(list),
  };
}

/** A generated book as the engine's input: 班子 then 干部, headers on the first row. */
export function bookInput(book: GeneratedBook): WorkbookInput {
  return {
    sheets: [
      { name: "班子", values: [book.teamHeaders, ...book.teams] },
      { name: "干部", values: [book.cadreHeaders, ...book.cadres] },
    ],
  };
}

/** The same book with its generated unit names (第1单位 …) prefixed, so books from several counties do not collide. */
export function renameUnits(book: GeneratedBook, prefix: string): GeneratedBook {
  const rename = (v: unknown) => (typeof v === "string" && /^第\d+单位$/.test(v) ? `${prefix}${v}` : v);
  return { ...book, teams: book.teams.map((r) => r.map(rename)), cadres: book.cadres.map((r) => r.map(rename)) };
}
