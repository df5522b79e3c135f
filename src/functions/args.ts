/**
 * Arguments as Excel passes them to custom functions, and errors as Excel shows them:
 * a bad argument is #VALUE! with a Chinese message naming the problem (shown on hover).
 */
import {
  isErrorValue,
  parseGrade,
  resolveRuleset,
  RulesetError,
  type Grade,
  type ResolvedRuleset,
  type ScaleId,
} from "../engine";
import { rulesetInForce } from "./ruleset-in-force";

/** What we throw: `CustomFunctions.Error` inside Excel, an equivalent outside (tests, benchmarks). */
export class KhValueError extends Error {
  readonly code = "#VALUE!";
}

interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
}

export function valueError(message: string): Error {
  const cf = (globalThis as unknown as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return cf ? new cf.Error(cf.ErrorCode.invalidValue, message) : new KhValueError(message);
}

export function fail(message: string): never {
  throw valueError(message);
}

/** Runs a function body; anything thrown that is not already an Excel error becomes #VALUE!. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof KhValueError || (e as { code?: unknown }).code !== undefined) throw e;
    throw valueError(e instanceof RulesetError ? e.message : `内部错误：${(e as Error).message}`);
  }
}

export function isBlankArg(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A 1×1 range passed where a value is expected counts as its value. */
export function scalar(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
}

function describe(v: unknown): string {
  return typeof v === "string" ? v : String(v);
}

export function rulesetArg(v: unknown): ResolvedRuleset {
  const s = scalar(v);
  if (isBlankArg(s)) return rulesetInForce();
  if (typeof s !== "string") fail(`规则集须为文字，如 "jinan-2022"，收到「${describe(s)}」`);
  try {
    return resolveRuleset(s.trim());
  } catch (e) {
    return fail((e as Error).message);
  }
}

const SCALE_ZH: Record<ScaleId, string> = {
  team: "班子",
  termClass: "班子分类",
  cadre: "干部",
  institution: "事业单位人员",
  political: "政治素质",
};

/** A grade on one scale; blank, numbers and unknown text are #VALUE! naming the argument. */
export function gradeArg(v: unknown, scale: ScaleId, what: string): Grade {
  const s = scalar(v);
  if (isBlankArg(s)) fail(`缺少${what}`);
  if (typeof s !== "string" || isErrorValue(s)) fail(`${what}「${describe(s)}」不是${SCALE_ZH[scale]}等次`);
  const p = parseGrade(s, scale);
  if (!p.ok) fail(`${what}「${s}」不是可识别的${SCALE_ZH[scale]}等次`);
  return p.grade;
}

export function optionalText(v: unknown): string | undefined {
  const s = scalar(v);
  if (isBlankArg(s)) return undefined;
  return typeof s === "string" ? s : String(s);
}
