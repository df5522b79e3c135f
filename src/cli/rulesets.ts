/** `kaohe rulesets`: the built-in rulesets with their rules and parameters. */
import { BUILTIN, resolveRuleset } from "../engine";
import type { Lang } from "./format";

export function listRulesets(lang: Lang, json: boolean): string {
  const all = BUILTIN.map((b) => {
    const r = resolveRuleset(b.id);
    return {
      id: b.id,
      kind: b.kind,
      base: b.kind === "overlay" ? r.parts[0] : undefined,
      title: b.title[lang],
      year: b.year,
      source: b.source,
      fingerprint: r.fingerprint,
      rules: Object.keys(b.rules),
      params: r.params,
      paramNotes: r.paramNotes,
    };
  });
  if (json) return JSON.stringify({ rulesets: all }, null, 2);
  const zh = lang === "zh";
  const lines: string[] = [];
  for (const r of all) {
    lines.push(
      `${r.id}  ${r.title}${r.kind === "overlay" ? (zh ? `（叠加规则集，默认叠加在 ${r.base} 上）` : ` (overlay, on ${r.base} by default)`) : ""}`,
    );
    lines.push(`  ${zh ? "依据" : "source"}: ${r.source}`);
    lines.push(`  ${zh ? "启用规则" : "rules"}: ${r.rules.join(" ")}`);
    lines.push(`  ${zh ? "指纹" : "fingerprint"}: ${r.fingerprint}`);
    const p = r.params;
    lines.push(
      `  ${zh ? "参数" : "params"}: Q01 ${p.teamShares.join("/")}%  Q02 ${p.bodyShare.general}/${p.bodyShare.max}%  Q03 ${p.institutionShares.general}/${p.institutionShares.raised}/${p.institutionShares.lowered}%  Q04 ${p.townshipShare.share}%  E01 ≥${p.regularScoreMin}  E04 ≤${p.pointsLostMax}%  ${zh ? "取整" : "rounding"} ${p.quota.rounding}  ${zh ? "最少" : "minimum"} ${p.quota.minimum}`,
    );
    for (const [k, n] of Object.entries(r.paramNotes)) if (n.local) lines.push(`  * ${k}: ${n.source}`);
    lines.push("");
  }
  lines.push(
    zh
      ? "叠加规则集可与基础规则集组合，如 --ruleset jinan-2022+gansu-2024；也可传入 JSON 文件（见 README）。"
      : "Overlays combine with a base: --ruleset jinan-2022+gansu-2024; a JSON file works too (see README).",
  );
  return lines.join("\n");
}
