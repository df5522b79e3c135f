/**
 * A ruleset file (`--ruleset file.json`, or one picked in the browser app) checked against its JSON Schema
 * before any workbook is read, with the validator compiled from it ahead of time (validate.generated.ts).
 * The message names the file and the field, so a bad ruleset is never taken for a bad workbook.
 * Kept out of the engine: the KH functions bundle never needs it.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { BUILTIN, RulesetError, resolveRuleset, rulesetFromJson, type ResolvedRuleset } from "../engine";
import { KNOWN_RULES } from "./schema";
import generated from "./validate.generated";

const validate = generated as unknown as ValidateFunction;

/** "L2" → "L02", "q1" → "Q01"; else the known ID closest in spelling. */
export function suggestRule(id: string): string | null {
  const m = /^([A-Za-z])0*(\d{1,2})$/.exec(id.trim());
  if (m) {
    const padded = m[1].toUpperCase() + m[2].padStart(2, "0");
    if (KNOWN_RULES.includes(padded)) return padded;
  }
  let best: { id: string; d: number } | null = null;
  for (const k of KNOWN_RULES) {
    const d = distance(id.toUpperCase(), k);
    if (d <= 1 && (!best || d < best.d)) best = { id: k, d };
  }
  return best?.id ?? null;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return dp[b.length];
}

/** "/params/teamShares/0" → "params.teamShares[0]". */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "（顶层）";
}

function describe(e: ErrorObject, value: unknown): string {
  const got = value === undefined ? "" : `，收到 ${JSON.stringify(value)}`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type":
      return `应为${({ number: "数字", integer: "整数", string: "文字", boolean: "true 或 false", object: "对象", array: "数组", null: "null" } as Record<string, string>)[String(p.type)] ?? String(p.type)}${got}`;
    case "minimum":
    case "maximum":
      return `应在允许范围内（${e.keyword === "minimum" ? "不小于" : "不大于"} ${String(p.limit)}）${got}`;
    case "enum":
      return `应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join("、")} 之一${got}`;
    case "additionalProperties":
      return `没有「${String(p.additionalProperty)}」这一项（拼写有误？）`;
    case "required":
      return `缺少「${String(p.missingProperty)}」`;
    case "minItems":
    case "maxItems":
      return `应有 ${String(p.limit)} 项${got}`;
    case "pattern":
      return `格式不对（不能含 + 或空格）${got}`;
    case "minLength":
      return "不能为空";
    default:
      return e.message ?? e.keyword;
  }
}

function valueAt(json: unknown, e: ErrorObject): unknown {
  let v = json;
  for (const p of e.instancePath.split("/").slice(1))
    v = (v as Record<string, unknown> | undefined)?.[p.replace(/~1/g, "/").replace(/~0/g, "~")];
  return v;
}

/** The ruleset a JSON file describes, or a RulesetError naming the file and every bad field. */
export function rulesetFromFile(json: unknown, file: string): ResolvedRuleset {
  const problems: string[] = [];
  if (!validate(json)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === "anyOf" || e.keyword === "const" || e.keyword === "if") continue; // said by its branches
      if (e.keyword === "enum" && e.propertyName !== undefined) {
        const hint = suggestRule(e.propertyName);
        problems.push(`rules.${e.propertyName}：没有这条规则${hint ? `，是否指 ${hint}？` : ""}`);
        continue;
      }
      if (e.keyword === "propertyNames") continue; // its enum error above names the rule
      problems.push(
        `${fieldOf(e)}：${describe(e, e.keyword === "additionalProperties" || e.keyword === "required" ? undefined : valueAt(json, e))}`,
      );
    }
  }
  const ext = (json as { extends?: unknown } | null)?.extends;
  if (typeof ext === "string" && problems.length === 0) {
    try {
      resolveRuleset(ext);
    } catch {
      problems.push(`extends：没有名为「${ext}」的规则集；可用：${BUILTIN.map((b) => b.id).join("、")}`);
    }
  }
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    throw new RulesetError(
      `规则集文件「${file}」有误，未校验任何工作簿：\n${unique.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  return rulesetFromJson(json);
}

/** A ruleset file's text: JSON, then the schema, then the ruleset it extends. */
export function rulesetFromText(text: string, file: string): ResolvedRuleset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RulesetError(`规则集文件「${file}」不是有效的 JSON：${(e as Error).message}`);
  }
  return rulesetFromFile(json, file);
}
