/**
 * What a unit should do about each finding (怎么改), for the notes and the 校验意见 sheet of a copy sent back
 * for correction: each rule's own `fix`, beside its metadata and check (src/engine/rules). A rule without
 * one asks the unit to check and correct; an info finding asks for nothing.
 */
import { RULES } from "../../engine/rules";

const FIXES = new Map(RULES.map((r) => [r.meta.id, r.fix]));

const INFO = { zh: "无需修改：供参考", en: "Nothing to change: for information" };
const CHECK = { zh: "请核对并改正", en: "Check and correct" };

export function adviceFor(rule: string, severity: "error" | "warning" | "info", lang: "zh" | "en"): string {
  return (FIXES.get(rule) ?? (severity === "info" ? INFO : CHECK))[lang];
}
