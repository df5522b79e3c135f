/**
 * A digest of a workbook's data as the reader gives it — every sheet's values, formulas and merges but the
 * 校验意见 sheet a copy sent back adds — so an annotated copy can tell whether the unit has changed it.
 */
import type { WorkbookInput } from "../engine";
import { sha256Hex } from "../engine/sha256";

/** The sheets a copy sent back adds: 校验意见, or 校验意见 (2) where the unit had one. */
export const ANNOTATION_SHEET = /^校验意见( \(\d+\))?$/;

/** `hash`: SHA-256 of a string as hex — the engine's by default, Node's crypto where there is one (the same digest). */
export function dataDigest(input: WorkbookInput, hash: (text: string) => string = sha256Hex): string {
  const sheets = input.sheets
    .filter((s) => !ANNOTATION_SHEET.test(s.name))
    .map((s) => [s.name, s.hidden ?? false, [...(s.merges ?? [])].sort(), s.values, s.formulas ?? null]);
  return hash(JSON.stringify(sheets));
}
