/** A comparison as lines of text: `kaohe diff`'s output, and the pane's list. */
import type { Diff, PersonChange } from "../diff/diff";
import { SEVERITY_TEXT } from "./report";

type Lang = "zh" | "en";

const message = (f: { message: string; messageEn: string }, lang: Lang) => (lang === "zh" ? f.message : f.messageEn);

export function personLine(p: PersonChange, lang: Lang): string[] {
  const zh = lang === "zh";
  const kind = { changed: zh ? "修改" : "changed", added: zh ? "新增" : "added", removed: zh ? "删除" : "removed" };
  const where = p.after ?? p.before ?? "";
  const notes = [
    p.renamed ? (zh ? `更名 ${p.renamed.from} → ${p.renamed.to}` : `renamed ${p.renamed.from} → ${p.renamed.to}`) : "",
    p.moved ? (zh ? `调动 ${p.moved.from} → ${p.moved.to}` : `moved ${p.moved.from} → ${p.moved.to}`) : "",
    p.elsewhere.length
      ? zh
        ? `同名者在${p.elsewhere.join("、")}，可能调动，未配对`
        : `the same name in ${p.elsewhere.join(", ")}: perhaps moved, not paired`
      : "",
  ].filter(Boolean);
  const lines = [`  ${kind[p.change]} ${p.unit} ${p.person}  ${where}${notes.length ? `（${notes.join("；")}）` : ""}`];
  for (const f of p.fields) {
    const unasked = f.asked ? "" : zh ? "  〔未被要求〕" : "  [not asked for]";
    lines.push(`      ${f.field}：${f.before || "（空）"} → ${f.after || "（空）"}  ${f.afterCell}${unasked}`);
  }
  return lines;
}

export function diffText(before: string, after: string, d: Diff, lang: Lang): string[] {
  const zh = lang === "zh";
  const s = d.summary;
  const lines = [
    zh ? `对比 ${before} → ${after}` : `Comparing ${before} → ${after}`,
    zh
      ? `人员：修改 ${s.changed} 人（${s.fields} 项，其中未被要求 ${s.unasked} 项），新增 ${s.added} 人，删除 ${s.removed} 人，更名 ${s.renamed}，调动 ${s.moved}`
      : `People: ${s.changed} changed (${s.fields} fields, ${s.unasked} not asked for), ${s.added} added, ${s.removed} removed, ${s.renamed} renamed, ${s.moved} moved`,
  ];
  if (d.columns.added.length || d.columns.removed.length)
    lines.push(
      zh
        ? `列：新增 ${d.columns.added.join("、") || "无"}；删去 ${d.columns.removed.join("、") || "无"}`
        : `Columns: added ${d.columns.added.join(", ") || "none"}; removed ${d.columns.removed.join(", ") || "none"}`,
    );
  for (const p of d.people) lines.push(...personLine(p, lang));
  for (const t of d.teams) {
    lines.push(`  ${zh ? "班子" : "team"} ${t.unit}${t.change === "changed" ? "" : ` (${t.change})`}`);
    for (const f of t.fields)
      lines.push(`      ${f.field}：${f.before || "（空）"} → ${f.after || "（空）"}  ${f.afterCell}`);
  }
  lines.push(
    zh
      ? `问题：已改正 ${s.fixed}，仍存在 ${s.still}，新出现 ${s.new}`
      : `Findings: ${s.fixed} fixed, ${s.still} still there, ${s.new} new`,
  );
  const status = { fixed: zh ? "已改正" : "fixed", still: zh ? "仍存在" : "still", new: zh ? "新出现" : "new" };
  for (const { status: st, finding: f } of d.findings)
    lines.push(
      `  ${status[st]} ${SEVERITY_TEXT[lang][f.severity]} ${f.rule} ${f.sheet ? `${f.sheet}!${f.cell}` : ""} ${f.person ? `${f.person}：` : ""}${message(f, lang)}`,
    );
  return lines;
}
