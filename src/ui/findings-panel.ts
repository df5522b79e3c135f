/**
 * The result of a check: summary cards, per-unit counts, filters and the findings grouped by unit or
 * rule. Groups fill in when opened, so a workbook with thousands of findings renders at once.
 */
import { RULE_META, type Severity, type Summary } from "../engine";
import { el, h, options } from "./dom";
import { textOf } from "./i18n";
import {
  choices,
  groupFindings,
  unitSummary,
  type Filter,
  type GroupBy,
  type Lang,
  type ShownFinding,
} from "./view-model";

/** Items shown per group before "show more". */
const PAGE = 200;

export interface FindingsView {
  findings: ShownFinding[];
  summary: Summary;
  filter: Filter;
  groupBy: GroupBy;
  lang: Lang;
  /** Whether clicking the finding can go to its cell (a sheet of the open workbook). */
  canGo(f: ShownFinding): boolean;
}

function ruleTitle(id: string, lang: Lang): string {
  return RULE_META.get(id)?.title[lang] ?? "";
}

function badges(counts: Record<Severity, number>, lang: Lang): HTMLElement[] {
  const t = textOf(lang);
  return (["error", "warning", "info"] as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => h("span", { className: `badge ${s}`, title: t.severity[s] }, String(counts[s])));
}

function findingItem(f: ShownFinding, index: number, view: FindingsView): HTMLElement {
  const t = textOf(view.lang);
  const canGo = view.canGo(f);
  const cell = f.sheet ? `${f.sheet}!${f.cell}` : f.cell;
  const where = f.file ? `${f.file} · ${cell}` : cell;
  return h(
    "button",
    {
      className: `finding ${f.severity}`,
      data: { index: String(index) },
      title: canGo ? t.go(f.sheet, f.cell) : "",
      attrs: { type: "button", "aria-disabled": canGo ? "false" : "true" },
    },
    h(
      "div",
      { className: "head" },
      `${f.rule} · ${t.severity[f.severity]} · ${where}${f.person ? " · " + f.person : ""}`,
    ),
    f.row ? h("div", { className: "row-key" }, f.row) : null,
    h("div", { className: "msg" }, view.lang === "zh" ? f.message : f.messageEn),
    h("div", { className: "muted" }, f.source),
  );
}

function fill(box: HTMLElement, items: number[], view: FindingsView, from: number): void {
  const t = textOf(view.lang);
  const upto = Math.min(items.length, from + PAGE);
  for (let k = from; k < upto; k++) box.append(findingItem(view.findings[items[k]], items[k], view));
  if (upto < items.length) {
    const more = h("button", { className: "finding", attrs: { type: "button" } }, t.more(items.length - upto));
    more.addEventListener("click", () => {
      more.remove();
      fill(box, items, view, upto);
    });
    box.append(more);
  }
}

export function renderFindings(view: FindingsView): void {
  const t = textOf(view.lang);
  const { findings } = view;
  const s = view.summary;
  el("cards").replaceChildren(
    ...[
      ["", s.rows],
      ["error", s.errors],
      ["warning", s.warnings],
      ["info", s.info],
    ].map(([cls, n], i) => h("div", { className: `card ${cls}` }, h("b", {}, String(n)), t.summary[i])),
  );

  el("unitsTitle").textContent = t.perUnit;
  el("units").replaceChildren(
    ...unitSummary(findings).map(([unit, c]) => {
      const row = h("tr", { data: { unit } }, h("td", {}, unit), h("td", {}, ...badges(c, view.lang)));
      row.style.cursor = "pointer";
      return row;
    }),
  );

  const { units, rules, files } = choices(findings);
  options(
    el<HTMLSelectElement>("fSeverity"),
    [
      ["", t.filterSeverity],
      ...(["error", "warning", "info"] as Severity[]).map((x): [string, string] => [x, t.severity[x]]),
    ],
    view.filter.severity,
  );
  options(
    el<HTMLSelectElement>("fUnit"),
    [["", t.filterUnit], ...units.filter(([u]) => u).map(([u, n]): [string, string] => [u, `${u} (${n})`])],
    view.filter.unit,
  );
  options(
    el<HTMLSelectElement>("fRule"),
    [["", t.filterRule], ...rules.map(([r, n]): [string, string] => [r, `${r} ${ruleTitle(r, view.lang)} (${n})`])],
    view.filter.rule,
  );
  // Findings from several files (the browser app) filter and group by file too.
  const fFile = el<HTMLSelectElement>("fFile");
  fFile.hidden = files.length === 0;
  options(
    fFile,
    [["", t.filterFile], ...files.map(([f, n]): [string, string] => [f, `${f} (${n})`])],
    view.filter.file ?? "",
  );
  options(
    el<HTMLSelectElement>("groupBy"),
    [
      ["unit", t.groupUnit],
      ["rule", t.groupRule],
      ...(files.length ? [["file", t.groupFile] as [string, string]] : []),
    ],
    view.groupBy,
  );

  const groups = groupFindings(findings, view.groupBy, view.filter, (id) => ruleTitle(id, view.lang), t.noUnit);
  el("groups").replaceChildren(
    ...(groups.length === 0 ? [h("p", { className: "muted" }, t.noFindings)] : []),
    ...groups.map((g, i) => {
      const box = h("div");
      const details = h(
        "details",
        { className: "group", data: { key: g.key } },
        h("summary", {}, h("span", { className: "name" }, g.title), ...badges(g.counts, view.lang)),
        box,
      );
      const open = () => {
        if (!box.childElementCount) fill(box, g.items, view, 0);
      };
      details.addEventListener("toggle", open);
      if (i === 0) {
        details.open = true;
        open();
      }
      return details;
    }),
  );
}
