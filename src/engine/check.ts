/**
 * Runs the rules a ruleset turns on over a model and returns findings in a fixed order.
 * Missing columns (D02) and units missing from the teams sheet (D03) are decided here, because only
 * the runner knows which enabled rule needs what.
 */
import { a1 } from "./model/a1";
import type { CellRef, Model } from "./model/types";
import type { ResolvedRuleset } from "./ruleset/resolve";
import type { Severity } from "./ruleset/types";
import { cadreAt } from "./rules/helpers";
import { RULE_META } from "./rules/meta";
import type { Finding, Need, Report, RuleContext, RuleMeta, RuleModule } from "./rules/types";
import { CADRE_LABELS, TEAM_LABELS } from "./model/labels";

export interface Summary {
  rows: number;
  errors: number;
  warnings: number;
  info: number;
}

function needMet(model: Model, n: Need): boolean {
  const cs = model.cadreSheet;
  const ts = model.teamSheet;
  switch (n.sheet) {
    case "cadre":
      return cs?.cols[n.col] !== undefined;
    case "team":
      return ts?.cols[n.col] !== undefined;
    case "teamGrade":
      return ts?.cols.teamGrade !== undefined || cs?.cols.teamGrade !== undefined;
    case "teamGradePrev":
      return ts?.cols.teamGradePrev !== undefined || cs?.cols.teamGradePrev !== undefined;
    case "history":
      // The record of past years gives history where the sheet has no column for it.
      return (cs?.history.length ?? 0) > 0 || (model.record?.filled ?? 0) > 0;
  }
}

function needHeader(n: Need): string {
  if (n.sheet === "cadre") return `干部表「${CADRE_LABELS[n.col]}」`;
  if (n.sheet === "team") return `班子表「${TEAM_LABELS[n.col]}」`;
  if (n.sheet === "teamGrade") return "班子表「本年班子等次」（或干部表「班子等次」）";
  if (n.sheet === "teamGradePrev") return "「上年班子等次」";
  return "历年等次列";
}

function needAt(model: Model, n: Need): CellRef | null {
  const s = n.sheet === "team" ? model.teamSheet : (model.cadreSheet ?? model.teamSheet);
  return s ? { sheet: s.name, r: s.headerRow, c: 0 } : null;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(
  findings: Finding[],
  sheetOrder: string[],
  positions: Map<Finding, CellRef | null>,
): Finding[] {
  const sheetIndex = (s: string) => (s === "" || s === "规则" ? -1 : sheetOrder.indexOf(s));
  return findings.sort((a, b) => {
    const pa = positions.get(a);
    const pb = positions.get(b);
    return (
      sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
      (pa?.r ?? -1) - (pb?.r ?? -1) ||
      (pa?.c ?? -1) - (pb?.c ?? -1) ||
      a.rule.localeCompare(b.rule) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
    );
  });
}

export interface CheckOptions {
  /** Run only these rules (a one-row check). */
  only?: ReadonlySet<string>;
  /** Report missing columns as D02 (a workbook) or skip their rules silently (a single row). */
  reportMissingColumns?: boolean;
}

/** Runs `rules` (the catalog, or the few a one-row check needs: the runner never imports them all). */
export function checkModel(
  model: Model,
  ruleset: ResolvedRuleset,
  rules: readonly RuleModule[],
  options: CheckOptions = {},
): Finding[] {
  const { only, reportMissingColumns = true } = options;
  const findings: Finding[] = [];
  const positions = new Map<Finding, CellRef | null>();
  const enabled = (id: string) => ruleset.rules[id] !== undefined;
  const emit = (by: RuleMeta, r: Report) => {
    const id = r.rule ?? by.id;
    const meta = RULE_META.get(id) ?? by;
    const f: Finding = {
      rule: id,
      severity: ruleset.rules[id]?.severity ?? r.severity ?? meta.severity,
      sheet: r.at?.sheet ?? "",
      cell: r.at ? a1(r.at.r, r.at.c) : "",
      message: r.zh,
      messageEn: r.en,
      source: ruleset.rules[id]?.source ?? meta.source,
    };
    if (r.unit !== undefined) f.unit = r.unit;
    if (r.person !== undefined) f.person = r.person;
    positions.set(f, r.at);
    findings.push(f);
  };
  // One D02 per missing column, naming every enabled rule that needs it.
  const missingColumns = new Map<string, { need: Need; rules: RuleModule[] }>();
  const teamLinked: string[] = [];
  for (const rule of rules) {
    const on = enabled(rule.meta.id) || (rule.meta.withRecord === true && model.record !== undefined);
    if (!on || (only && !only.has(rule.meta.id))) continue;
    const needs = rule.meta.needs ?? [];
    const missing = needs.filter((n) => !needMet(model, n));
    if (missing.some((n) => n.optional)) continue;
    if (missing.length) {
      for (const n of missing) {
        const key = needHeader(n);
        const entry = missingColumns.get(key) ?? { need: n, rules: [] };
        entry.rules.push(rule);
        missingColumns.set(key, entry);
      }
      continue;
    }
    if (needs.some((n) => n.sheet === "teamGrade")) teamLinked.push(rule.meta.id);
    const ctx: RuleContext = { model, ruleset, params: ruleset.params, enabled, report: (r) => emit(rule.meta, r) };
    rule.check(ctx);
  }
  if (enabled("D02") && reportMissingColumns) {
    const d02 = RULE_META.get("D02")!;
    for (const [header, { need, rules }] of missingColumns) {
      const ids = rules.map((r) => r.meta.id).join("、");
      emit(d02, {
        at: needAt(model, need),
        zh: `缺少${header}列，已启用的规则 ${ids} 需要它，这些规则未能检查`,
        en: `Missing column ${header}, needed by the enabled rules ${rules.map((r) => r.meta.id).join(", ")}, which were not checked`,
      });
    }
  }
  if (enabled("D03") && (!only || only.has("D03")) && model.teamSheet && teamLinked.length) {
    const d03 = RULE_META.get("D03")!;
    for (const u of model.units) {
      if (u.team || u.cadres.length === 0 || !u.name) continue;
      emit(d03, {
        at: cadreAt(model, u.cadres[0], "unit"),
        unit: u.name,
        zh: `单位「${u.name}」在「${model.teamSheet.name}」表中没有对应行，无法确定其班子等次（规则 ${teamLinked.join("、")} 需要）`,
        en: `Unit "${u.name}" has no row in sheet "${model.teamSheet.name}"; its team grade is needed by ${teamLinked.join(", ")}`,
      });
    }
  }
  return sortFindings(findings, model.sheetOrder, positions);
}

export function summarize(model: Model, findings: Finding[]): Summary {
  const s: Summary = { rows: model.cadres.length + model.teams.length, errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.info++;
  }
  return s;
}
