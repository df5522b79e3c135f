/**
 * The task pane. Runs in the shared runtime with the functions: on start it reads the workbook's
 * ruleset into the runtime (so KH.* cells use it even before anyone opens the pane).
 * All text goes into the page with textContent, never as HTML.
 */
import { BUILTIN, resolveRuleset } from "../engine";
import { rulesetInForceId } from "../functions/ruleset-in-force";
import { applyRuleset, loadRulesetSetting } from "./excel/settings";

type Lang = "zh" | "en";
let lang: Lang = "zh";

const TEXT = {
  zh: {
    title: "考核规则",
    label: "本工作簿使用的规则集",
    functions: "自定义函数",
    saved: "已保存到工作簿，KH 函数已重新计算。",
    source: "依据",
    fingerprint: "指纹",
    other: "EN",
  },
  en: {
    title: "Appraisal Rules",
    label: "Ruleset in force in this workbook",
    functions: "Custom functions",
    saved: "Saved in the workbook; KH functions recalculated.",
    source: "Source",
    fingerprint: "Fingerprint",
    other: "中文",
  },
};

const FUNCTIONS: [string, string, string][] = [
  ['=KH.TEAMCAP("一般")', "0.1", "班子一般时干部优秀比例 / share for a team graded 一般"],
  ['=KH.EXCELLENTQUOTA("优秀", 10)', "3", "十人中可评优秀人数 / 优秀 allowed among 10"],
  ['=KH.GRADE(" 优秀等次 ")', "优秀", "规范等次 / canonical grade"],
  ['=KH.ALLOWEDGRADES("一般", "是")', "称职、基本称职…", "可评等次 / allowed grades"],
  ['=KH.CHECK("一般", "优秀", "是")', "L02 …", "本行违反的规则 / first rule broken"],
  ['=KH.STREAK(F2:H2, "优秀")', "3", "连续年数 / years running"],
  ['=KH.CONSEQUENCES("基本称职")', "R03：…", "结果运用 / result-use measures"],
  ["=KH.TERMSTART(DATE(2021,8,15))", "2022-01-01", "任期起算 / term start (T01)"],
  ["=KH.TERMEND(DATE(2021,8,15))", "2026-12-31", "任期届满 / term end (T02)"],
  ['=KH.RULE("L02")', "L02 班子一般的…", "规则条文 / rule text"],
  ["=KH.RULESET()", "jinan-2022 …", "规则集与指纹 / ruleset and fingerprint"],
];

function el<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function setStatus(text: string, error = false): void {
  const s = el("status");
  s.textContent = text;
  s.className = error ? "status error" : "status";
}

function render(): void {
  const t = TEXT[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  el("title").textContent = t.title;
  el("rulesetLabel").textContent = t.label;
  el("functionsTitle").textContent = t.functions;
  el("lang").textContent = t.other;
  const select = el<HTMLSelectElement>("ruleset");
  select.replaceChildren(
    ...[
      ...BUILTIN.filter((b) => b.kind === "base").map((b) => b.id),
      "jinan-2022+gansu-2024",
      "civil-servant-2020+gansu-2024",
      "civil-servant-2020+zhejiang-township-2018",
    ].map((id) => {
      const o = document.createElement("option");
      o.value = id;
      o.textContent = `${id} — ${resolveRuleset(id).title[lang]}`;
      return o;
    }),
  );
  select.value = rulesetInForceId();
  const rs = resolveRuleset(rulesetInForceId());
  el("rulesetSource").textContent = `${t.source}：${rs.source}`;
  el("fingerprint").textContent = `${t.fingerprint}：${rs.fingerprint.slice(0, 16)}…`;
  el("functions").replaceChildren(
    ...FUNCTIONS.map(([f, result, what]) => {
      const li = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = f;
      li.append(code, ` → ${result}\u3000${what}`);
      return li;
    }),
  );
}

async function onRulesetChange(): Promise<void> {
  const id = el<HTMLSelectElement>("ruleset").value;
  try {
    await applyRuleset(id);
    render();
    setStatus(TEXT[lang].saved);
  } catch (e) {
    setStatus(String((e as Error).message ?? e), true);
  }
}

Office.onReady(() => {
  loadRulesetSetting();
  render();
  el("ruleset").addEventListener("change", () => void onRulesetChange());
  el("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    render();
  });
});
