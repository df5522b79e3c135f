/**
 * The distribution picture in the pane: per unit, 优秀 against its quota as CSS bars (no chart library),
 * the whole body on top. Clicking a unit filters the findings to it.
 */
import type { Distribution } from "../engine";
import { el, h } from "./dom";
import type { Lang } from "./view-model";

const WORDS = {
  zh: {
    title: "优秀分布",
    line: (e: number, q: number | null, over: number) =>
      q === null ? `优秀 ${e}` : over > 0 ? `优秀 ${e} / 上限 ${q} — 超出 ${over}` : `优秀 ${e} / 上限 ${q}`,
    body: "全体",
    none: "没有可画的单位。",
    rest: (n: number, over: number) => (over ? `其余 ${n} 个单位（未超出）` : `各单位（${n} 个，均未超出）`),
  },
  en: {
    title: "优秀 by unit",
    line: (e: number, q: number | null, over: number) =>
      q === null ? `优秀 ${e}` : over > 0 ? `优秀 ${e} / quota ${q} — ${over} over` : `优秀 ${e} / quota ${q}`,
    body: "Whole body",
    none: "No units to draw.",
    rest: (n: number, over: number) => (over ? `The other ${n} units (within quota)` : `Units (${n}, none over)`),
  },
};

function bar(excellent: number, quota: number | null, scale: number): HTMLElement {
  const pct = (n: number) => `${Math.min(100, (100 * n) / scale).toFixed(1)}%`;
  const over = quota !== null && excellent > quota;
  const track = h("div", { className: "track" });
  const fill = h("div", { className: over ? "fill over" : "fill", data: { value: String(excellent) } });
  fill.style.width = pct(excellent);
  track.append(fill);
  if (quota !== null) {
    const mark = h("div", { className: "quota", data: { value: String(quota) } });
    mark.style.left = pct(quota);
    track.append(mark);
  }
  return track;
}

export function renderDistribution(d: Distribution | null, lang: Lang): void {
  const w = WORDS[lang];
  el("distTitle").textContent = w.title;
  const box = el("dist");
  if (!d || d.units.length === 0) {
    box.replaceChildren(h("div", { className: "muted" }, w.none));
    return;
  }
  const scale = Math.max(1, ...d.units.map((u) => Math.max(u.excellent, u.quota ?? 0)));
  const bodyScale = Math.max(1, d.body.excellent, d.body.quota ?? 0, d.body.max ?? 0);
  const bodyOver = d.body.quota === null ? 0 : Math.max(0, d.body.excellent - d.body.quota);
  // Units over their quota first, shown; the rest folded, in the order read (a pane has no room for 30 bars).
  const row = (u: Distribution["units"][number]) =>
    h(
      "button",
      { className: u.over > 0 ? "dist-row over" : "dist-row", data: { unit: u.unit }, attrs: { type: "button" } },
      h("span", { className: "name" }, u.unit),
      bar(u.excellent, u.quota, scale),
      h("span", { className: "muted" }, w.line(u.excellent, u.quota, u.over)),
    );
  const over = d.units.filter((u) => u.over > 0).sort((a, b) => b.over - a.over);
  const rest = d.units.filter((u) => u.over <= 0);
  box.replaceChildren(
    h(
      "div",
      { className: "dist-row body" },
      h("span", { className: "name" }, w.body),
      bar(d.body.excellent, d.body.quota, bodyScale),
      h("span", { className: "muted" }, w.line(d.body.excellent, d.body.quota, bodyOver)),
    ),
    ...over.map(row),
    ...(rest.length
      ? [
          h(
            "details",
            { className: "dist-rest" },
            h("summary", { className: "muted" }, w.rest(rest.length, over.length)),
            h("div", { className: "dist" }, ...rest.map(row)),
          ),
        ]
      : []),
  );
}
