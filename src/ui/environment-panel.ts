/** The 「环境」 details: host facts, requirement sets, and each feature on or off with its reason. */
import { el, h } from "./dom";
import type { Environment } from "./environment";
import type { Lang } from "./view-model";

const WORDS = {
  zh: {
    title: "环境",
    host: "宿主",
    platform: "平台",
    version: "版本",
    office: "对应",
    sets: "要求集",
    none: "不支持",
    on: "可用",
    off: "不可用",
  },
  en: {
    title: "Environment",
    host: "Host",
    platform: "Platform",
    version: "Version",
    office: "Like",
    sets: "Requirement sets",
    none: "none",
    on: "on",
    off: "off",
  },
};

export function renderEnvironment(env: Environment, lang: Lang): void {
  const w = WORDS[lang];
  el("envTitle").textContent = w.title;
  const facts: [string, string][] = [
    [w.host, env.host],
    [w.platform, env.platform],
    [w.version, env.version],
    [w.office, env.office[lang]],
    [w.sets, env.sets.map((s) => `${s.name} ${s.highest ?? w.none}`).join("；")],
  ];
  el("envFacts").replaceChildren(...facts.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, v))));
  el("envFeatures").replaceChildren(
    ...env.features.map((f) =>
      h(
        "li",
        { className: f.on ? "on" : "off", data: { feature: f.id, on: String(f.on) } },
        h("b", {}, `${f.on ? "✓" : "✗"} ${f.name[lang]}`),
        " ",
        h("span", { className: "muted" }, `${f.on ? w.on : w.off}：${f.why[lang]}`),
      ),
    ),
  );
}
