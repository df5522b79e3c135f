/**
 * The audit of a returned template, run as a pass over a built model: the ruleset its 规则 sheet
 * carries (A01/A02) and the formula-level findings (A03–A06).
 */
import type { FormulaReference, Model, SheetInput } from "../model/types";
import type { ResolvedRuleset } from "../ruleset/resolve";
import { auditFormulas } from "./formulas";
import { carriedIn } from "./rules-sheet";

export function auditModel(
  model: Model,
  sheets: SheetInput[],
  ruleset: ResolvedRuleset,
  templateFormulas?: FormulaReference[],
): Model {
  model.carried = carriedIn(sheets);
  model.audit = auditFormulas(model, model.cells, ruleset, templateFormulas);
  return model;
}
