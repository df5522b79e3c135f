/** The ruleset picker with the chosen ruleset's source, fingerprint and every parameter. */
import { BUILTIN, resolveRuleset, type ResolvedRuleset } from "../engine";
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

/** The ruleset in force; `fromFile` when it was loaded from a JSON file rather than built in. */
export function renderRuleset(rs: ResolvedRuleset, lang: Lang, fromFile = false): void {
  const t = textOf(lang);
  el("rulesetLabel").textContent = document.body.dataset.host === "browser" ? t.rulesetLabelApp : t.rulesetLabel;
  el("paramsTitle").textContent = t.params;
  const id = fromFile ? "" : rs.id;
  const ids = fromFile || PICKABLE.includes(id) ? PICKABLE : [id, ...PICKABLE];
  options(
    el<HTMLSelectElement>("ruleset"),
    // By its title: the id and the fingerprint mean nothing to an HR officer (they are in the details).
    [
      ...(fromFile ? [["", `${rs.title[lang]}（${t.fromFile}）`] as [string, string]] : []),
      ...ids.map((x): [string, string] => [x, resolveRuleset(x).title[lang]]),
    ],
    id,
  );
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
