/**
 * From a ruleset id (`jinan-2022`, `jinan-2022+gansu-2024`, `gansu-2024`) or a JSON object to the
 * one resolved ruleset the checks read, with its fingerprint.
 */
import { sha256Hex } from "../sha256";
import { BUILTIN, DEFAULT_PARAMS } from "./builtin";
import type { Overlay, Ruleset, RulesetParams } from "./types";

export interface ResolvedRuleset extends Ruleset {
  /** SHA-256 of the canonical form of id, scale, rules and params. */
  fingerprint: string;
  /** The rulesets it is made of, base first. */
  parts: string[];
}

export class RulesetError extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars are replaced whole. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** JSON with sorted keys: the same ruleset always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  if (isObject(value)) {
    return (
      "{" +
      Object.keys(value)
        .sort()
        .map((k) => JSON.stringify(k) + ":" + canonicalJson(value[k]))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(value ?? null);
}

export function fingerprintOf(rs: Pick<Ruleset, "id" | "scale" | "rules" | "params" | "teamScale">): string {
  // teamScale only where it is not the default, so every earlier fingerprint stays as it was.
  const canonical = canonicalJson({
    id: rs.id,
    scale: rs.scale,
    ...(rs.teamScale && rs.teamScale !== "team" ? { teamScale: rs.teamScale } : {}),
    rules: rs.rules,
    params: rs.params,
  });
  return sha256Hex(canonical);
}

/** Where a parameter's figure comes from: its own note, its nearest parent's, else the ruleset's source. */
export function paramNote(
  rs: Pick<Ruleset, "paramNotes" | "source">,
  path: string,
): { source: string; local?: boolean } {
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "")
    if (rs.paramNotes[p]) return rs.paramNotes[p];
  return { source: rs.source };
}

export function findBuiltin(id: string): Ruleset | Overlay | undefined {
  return BUILTIN.find((r) => r.id === id);
}

function applyOverlay(base: Ruleset, overlay: Overlay): Ruleset {
  return {
    ...base,
    id: `${base.id}+${overlay.id}`,
    title: { zh: `${base.title.zh} + ${overlay.title.zh}`, en: `${base.title.en} + ${overlay.title.en}` },
    source: `${base.source}；${overlay.source}`,
    rules: { ...base.rules, ...overlay.rules },
    params: deepMerge(base.params, overlay.params),
    paramNotes: { ...base.paramNotes, ...overlay.paramNotes },
  };
}

function finish(rs: Ruleset, parts: string[]): ResolvedRuleset {
  return { ...rs, parts, fingerprint: fingerprintOf(rs) };
}

const cache = new Map<string, ResolvedRuleset>();

/** `base+overlay+…`; an overlay alone stands on its default base. */
export function resolveRuleset(spec: string): ResolvedRuleset {
  const hit = cache.get(spec);
  if (hit) return hit;
  const ids = spec
    .split("+")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new RulesetError("未指定规则集 / no ruleset given");
  const found = ids.map((id) => {
    const r = findBuiltin(id);
    if (!r) throw new RulesetError(`未知的规则集「${id}」；可用：${BUILTIN.map((b) => b.id).join(", ")}`);
    return r;
  });
  if (found[0].kind === "overlay") found.unshift(findBuiltin((found[0] as Overlay).defaultBase)!);
  let rs = found[0] as Ruleset;
  for (const o of found.slice(1)) {
    if (o.kind !== "overlay") throw new RulesetError(`「${o.id}」是基础规则集，只能放在第一位`);
    rs = applyOverlay(rs, o);
  }
  const out = finish(
    rs,
    found.map((r) => r.id),
  );
  cache.set(spec, out);
  return out;
}

/**
 * A ruleset given as JSON (`--ruleset file.json`): `{ "id", "extends": "jinan-2022", "rules", "params" }`.
 * Rules and params merge over what it extends (a rule set to false is turned off); a missing `extends`
 * starts from the defaults.
 */
export function rulesetFromJson(json: unknown): ResolvedRuleset {
  if (!isObject(json) || typeof json.id !== "string" || !json.id) throw new RulesetError("规则集 JSON 须有 id");
  const base: Ruleset =
    typeof json.extends === "string"
      ? (resolveRuleset(json.extends) as Ruleset)
      : {
          id: "",
          title: { zh: "", en: "" },
          year: 0,
          source: "",
          kind: "base",
          scale: "cadre",
          rules: {},
          params: DEFAULT_PARAMS,
          paramNotes: {},
        };
  if (json.rules !== undefined && !isObject(json.rules)) throw new RulesetError("规则集 JSON 的 rules 须为对象");
  if (json.params !== undefined && !isObject(json.params)) throw new RulesetError("规则集 JSON 的 params 须为对象");
  const title = isObject(json.title)
    ? (json.title as Ruleset["title"])
    : { zh: String(json.title ?? json.id), en: String(json.title ?? json.id) };
  const rs: Ruleset = {
    ...base,
    id: json.id,
    title,
    year: typeof json.year === "number" ? json.year : base.year,
    source: typeof json.source === "string" ? json.source : base.source,
    kind: "base",
    scale: json.scale === "institution" || json.scale === "cadre" ? json.scale : base.scale,
    ...(json.teamScale === "termClass" || json.teamScale === "team" ? { teamScale: json.teamScale } : {}),
    rules: { ...base.rules, ...((json.rules as Ruleset["rules"]) ?? {}) },
    params: deepMerge<RulesetParams>(base.params, json.params ?? {}),
    paramNotes: { ...base.paramNotes, ...((json.paramNotes as Ruleset["paramNotes"]) ?? {}) },
  };
  // `"R06": false` (or null) turns off a rule the extended ruleset has on.
  for (const [id, setting] of Object.entries(rs.rules)) {
    if (setting === (false as unknown) || setting === null) delete rs.rules[id];
    else if (!isObject(setting))
      throw new RulesetError(`规则集 JSON：规则 ${id} 的设置须为对象或 false，如 {}、{"severity":"warning"} 或 false`);
  }
  return finish(rs, [...(typeof json.extends === "string" ? [json.extends] : []), json.id]);
}
