/** Text output of `kaohe check`: one line per finding, grouped by file and unit, errors first. */
import type { Finding, Summary } from "../engine";

export type { Lang } from "../batch/results";
import type { Lang } from "../batch/results";

const SEVERITY: Record<Lang, Record<string, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};
const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function findingMessage(f: Finding, lang: Lang): string {
  return lang === "zh" ? f.message : f.messageEn;
}

/** A finding as --json gives it (cli.md): where, whose, what; `check` adds its source, `diff` its status. */
export function findingJson(f: Finding, lang: Lang) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(f.person !== undefined ? { person: f.person } : {}),
    message: findingMessage(f, lang),
  };
}

export function summaryLine(s: Summary, lang: Lang): string {
  return lang === "zh"
    ? `读取 ${s.rows} 行：错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.info}`
    : `${s.rows} rows read: ${s.errors} errors, ${s.warnings} warnings, ${s.info} info`;
}

/** Units in order of their worst finding, then of appearance; whole-workbook findings first. */
export function groupByUnit(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.unit ?? "";
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  const worst = (g: Finding[]) => Math.min(...g.map((f) => RANK[f.severity]));
  const entries = [...groups.entries()].map(([k, g], i) => ({
    k,
    g: g.slice().sort((a, b) => RANK[a.severity] - RANK[b.severity]),
    i,
  }));
  entries.sort((a, b) => (a.k === "" ? -1 : b.k === "" ? 1 : worst(a.g) - worst(b.g) || a.i - b.i));
  return entries.map((e) => [e.k, e.g]);
}

export function formatFindings(findings: Finding[], lang: Lang, color: boolean): string[] {
  const paint = (sev: string, s: string) =>
    !color
      ? s
      : sev === "error"
        ? `\x1b[31m${s}\x1b[0m`
        : sev === "warning"
          ? `\x1b[33m${s}\x1b[0m`
          : `\x1b[36m${s}\x1b[0m`;
  const lines: string[] = [];
  for (const [unit, group] of groupByUnit(findings)) {
    lines.push(`  ${unit || (lang === "zh" ? "（整体）" : "(whole workbook)")}`);
    for (const f of group) {
      const where = f.sheet ? `${f.sheet}!${f.cell}` : "";
      const who = f.person ? `${f.person}：` : "";
      lines.push(
        `    ${paint(f.severity, SEVERITY[lang][f.severity].padEnd(lang === "zh" ? 2 : 7))} ${f.rule} ${where.padEnd(10)} ${who}${findingMessage(f, lang)}〔${f.source}〕`,
      );
    }
  }
  return lines;
}
