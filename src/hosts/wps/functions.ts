/**
 * The KH functions in WPS 表格: the same implementations as in Excel (functions/functions.ts), registered
 * with wps.AddCustomFunction under the namespace KH (WPS 12.1.0.20540 and later; synchronous only), with
 * the metadata Excel's functions.json gives, so names, parameters and descriptions are the same.
 */
import * as KH from "../../functions/functions";

/** Each function by its Excel id (the @customfunction tag). */
export const BY_ID: Record<string, (...args: never[]) => unknown> = {
  TEAMCAP: KH.teamCap,
  EXCELLENTQUOTA: KH.excellentQuota,
  GRADE: KH.grade,
  ALLOWEDGRADES: KH.allowed,
  CHECK: KH.check,
  STREAK: KH.streakOf,
  CONSEQUENCES: KH.consequences,
  TERMSTART: KH.termStartOf,
  TERMEND: KH.termEndOf,
  RULE: KH.rule,
  RULESET: KH.rulesetInfo,
};

/** functions.json as custom-functions-metadata writes it (the part WPS needs). */
export interface ExcelMetadata {
  functions: {
    id: string;
    description?: string;
    parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
    result?: { type?: string; dimensionality?: string };
  }[];
}

export interface WpsFunctionMeta {
  description: string;
  result: { type: string };
  parameters: { name: string; type: string; description: string }[];
}

const typeOf = (type: string | undefined, dimensionality: string | undefined) => {
  const t = type === "boolean" ? "bool" : (type ?? "any");
  return dimensionality === "matrix" ? `${t}[][]` : t;
};

export function wpsMetadata(f: ExcelMetadata["functions"][number]): WpsFunctionMeta {
  return {
    description: f.description ?? "",
    result: { type: typeOf(f.result?.type, f.result?.dimensionality) },
    parameters: f.parameters.map((p) => ({
      // WPS marks an optional parameter by "?" after its type (wpsjs's functions scanner).
      name: p.name,
      type: typeOf(p.type, p.dimensionality) + (p.optional ? "?" : ""),
      description: p.description ?? "",
    })),
  };
}

/** A range arrives as rows of values; a single cell may arrive bare. */
const asMatrix = (v: unknown): unknown => (Array.isArray(v) ? v : [[v]]);

export type AddCustomFunction = (
  namespace: string,
  name: string,
  fn: (...args: unknown[]) => unknown,
  meta?: WpsFunctionMeta,
) => void;

/**
 * Registers every function; `beforeCall` brings the workbook's ruleset in force first (the functions run
 * in the add-in's entry page, apart from the pane). Returns the ids registered.
 */
export function registerFunctions(add: AddCustomFunction, meta: ExcelMetadata, beforeCall: () => void): string[] {
  const done: string[] = [];
  for (const f of meta.functions) {
    const fn = BY_ID[f.id] as unknown as (...args: unknown[]) => unknown;
    if (!fn) continue;
    const matrix = f.parameters.map((p) => p.dimensionality === "matrix");
    add(
      "KH",
      f.id,
      (...args: unknown[]) => {
        beforeCall();
        return fn(...args.map((a, i) => (matrix[i] ? asMatrix(a) : a)));
      },
      wpsMetadata(f),
    );
    done.push(f.id);
  }
  return done;
}
