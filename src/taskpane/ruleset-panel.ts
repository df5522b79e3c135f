/** The ruleset picker with the chosen ruleset's source, fingerprint and every parameter. */
import { BUILTIN, resolveRuleset } from "../engine";
import { el, h, options } from "./dom";
import { textOf } from "./i18n";
import { paramRows, type Lang } from "./view-model";

/** Base rulesets and the overlay combinations the rules catalogue names. */
export const PICKABLE = [
  ...BUILTIN.filter((b) => b.kind === "base").map((b) => b.id),
  "jinan-2022+gansu-2024",
  "civil-servant-2020+gansu-2024",
  "civil-servant-2020+zhejiang-township-2018",
];

export function renderRuleset(id: string, lang: Lang): void {
  const t = textOf(lang);
  el("rulesetLabel").textContent = t.rulesetLabel;
  el("paramsTitle").textContent = t.params;
  const ids = PICKABLE.includes(id) ? PICKABLE : [id, ...PICKABLE];
  options(
    el<HTMLSelectElement>("ruleset"),
    // By its title: the id and the fingerprint mean nothing to an HR officer (they are in the details).
    ids.map((x) => [x, resolveRuleset(x).title[lang]]),
    id,
  );
  const rs = resolveRuleset(id);
  el("rulesetSource").textContent = `${t.source}：${rs.source}`;
  el("fingerprint").textContent = `${rs.id} · ${t.fingerprint}：${rs.fingerprint.slice(0, 16)}…`;
  el("params").replaceChildren(
    h("tr", {}, ...t.paramHead.map((x) => h("th", {}, x))),
    ...paramRows(rs, lang).map((p) =>
      h(
        "tr",
        {},
        h("td", {}, p.label),
        h("td", {}, p.value),
        h("td", { className: "muted" }, p.source + (p.local ? t.local : "")),
      ),
    ),
  );
}
