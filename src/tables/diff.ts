/**
 * 对比 and 问题对比: a resubmission against the first submission, one row per changed field (or person added,
 * removed), each marked whether a finding had asked for it; then every finding fixed, still there or new.
 * Cell links only where the table lands in the resubmission itself (the pane's open workbook).
 */
import { parseA1 } from "../engine";
import type { Diff, FieldChange, PersonChange } from "../diff/diff";
import { SEVERITY_TEXT } from "./report";
import type { Table, TableCell } from "./table";

type Lang = "zh" | "en";

export const DIFF_SHEET = "对比";
export const DIFF_FINDINGS_SHEET = "问题对比";

const TEXT = {
  zh: {
    meta: ["上次报送", "本次报送", "比较时间", "结果"],
    header: ["类别", "单位", "姓名", "身份证号", "项目", "原值", "新值", "原单元格", "新单元格", "是否要求修改"],
    kinds: {
      changed: "修改",
      added: "新增",
      removed: "删除",
      team: "班子修改",
      teamAdded: "班子新增",
      teamRemoved: "班子删除",
    },
    renamed: (from: string, to: string) => `更名：${from} → ${to}`,
    moved: (from: string, to: string) => `调动：${from} → ${to}`,
    elsewhere: (units: string[]) => `同名者在${units.join("、")}，可能调动，未配对`,
    asked: "是",
    unasked: "否（未被要求）",
    findingsHeader: ["状态", "规则", "等级", "工作表", "单元格", "单位", "人员", "说明"],
    status: { fixed: "已改正", still: "仍存在", new: "新出现" },
    result: (d: Diff) =>
      `修改 ${d.summary.changed} 人（${d.summary.fields} 项，未被要求 ${d.summary.unasked} 项），新增 ${d.summary.added} 人，删除 ${d.summary.removed} 人；问题已改正 ${d.summary.fixed}，仍存在 ${d.summary.still}，新出现 ${d.summary.new}`,
  },
  en: {
    meta: ["First submission", "Resubmission", "Compared at", "Result"],
    header: [
      "Change",
      "Unit",
      "Name",
      "ID number",
      "Field",
      "Before",
      "After",
      "Cell before",
      "Cell after",
      "Asked for",
    ],
    kinds: {
      changed: "changed",
      added: "added",
      removed: "removed",
      team: "team changed",
      teamAdded: "team added",
      teamRemoved: "team removed",
    },
    renamed: (from: string, to: string) => `renamed: ${from} → ${to}`,
    moved: (from: string, to: string) => `moved: ${from} → ${to}`,
    elsewhere: (units: string[]) => `the same name in ${units.join(", ")}: perhaps moved, not paired`,
    asked: "yes",
    unasked: "no (not asked)",
    findingsHeader: ["Status", "Rule", "Severity", "Sheet", "Cell", "Unit", "Person", "Message"],
    status: { fixed: "fixed", still: "still there", new: "new" },
    result: (d: Diff) =>
      `${d.summary.changed} people changed (${d.summary.fields} fields, ${d.summary.unasked} not asked for), ${d.summary.added} added, ${d.summary.removed} removed; findings ${d.summary.fixed} fixed, ${d.summary.still} still there, ${d.summary.new} new`,
  },
};

/** sheet!A1 as a link into the resubmission, or as text. */
function at(where: string | null, linked: boolean): TableCell {
  if (!where) return null;
  const bang = where.lastIndexOf("!");
  const sheet = where.slice(0, bang);
  const cell = where.slice(bang + 1);
  return linked && parseA1(cell) ? { text: where, sheet, cell } : where;
}

function personRows(p: PersonChange, lang: Lang, linked: boolean): TableCell[][] {
  const t = TEXT[lang];
  const head = [t.kinds[p.change], p.unit, p.person, p.idNumber];
  if (p.change !== "changed") {
    const note = p.elsewhere.length ? t.elsewhere(p.elsewhere) : null;
    return [[...head, note, null, null, p.before, at(p.after, linked), null]];
  }
  const rows: TableCell[][] = [];
  if (p.renamed)
    rows.push([...head, t.renamed(p.renamed.from, p.renamed.to), null, null, p.before, at(p.after, linked), null]);
  if (p.moved) rows.push([...head, t.moved(p.moved.from, p.moved.to), null, null, p.before, at(p.after, linked), null]);
  for (const f of p.fields) rows.push([...head, ...fieldCells(f, lang, linked)]);
  return rows;
}

function fieldCells(f: FieldChange, lang: Lang, linked: boolean): TableCell[] {
  const t = TEXT[lang];
  return [f.field, f.before, f.after, f.beforeCell, at(f.afterCell, linked), f.asked ? t.asked : t.unasked];
}

export function diffTables(
  d: Diff,
  files: { before: string; after: string },
  lang: Lang,
  stamp: string,
  linked = false,
): Table[] {
  const t = TEXT[lang];
  const teamKind = { changed: t.kinds.team, added: t.kinds.teamAdded, removed: t.kinds.teamRemoved };
  const rows: TableCell[][] = [
    ...d.people.flatMap((p) => personRows(p, lang, linked)),
    ...d.teams.flatMap((tc) =>
      tc.fields.length
        ? tc.fields.map((f) => [teamKind[tc.change], tc.unit, null, null, ...fieldCells(f, lang, linked)])
        : [[teamKind[tc.change], tc.unit, null, null, null, null, null, null, null, null]],
    ),
  ];
  const findings: TableCell[][] = d.findings.map(({ status, finding: f }) => [
    t.status[status],
    f.rule,
    SEVERITY_TEXT[lang][f.severity],
    f.sheet,
    linked && status !== "fixed" && parseA1(f.cell) ? { text: f.cell, sheet: f.sheet, cell: f.cell } : f.cell,
    f.unit ?? "",
    f.person ?? "",
    lang === "zh" ? f.message : f.messageEn,
  ]);
  const meta: [string, string][] = [
    [t.meta[0], files.before],
    [t.meta[1], files.after],
    [t.meta[2], stamp],
    [t.meta[3], t.result(d)],
  ];
  return [
    { kind: "diff", name: DIFF_SHEET, meta, header: t.header, rows, widths: [8, 16, 10, 20, 14, 14, 14, 12, 12, 14] },
    {
      kind: "diffFindings",
      name: DIFF_FINDINGS_SHEET,
      meta: [],
      header: t.findingsHeader,
      rows: findings,
      widths: [8, 6, 6, 8, 10, 16, 10, 60],
    },
  ];
}
