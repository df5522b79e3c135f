/**
 * Our own outputs are marked with a custom document property (docProps/custom.xml) naming their kind, so
 * that an earlier 汇总.xlsx left among the returned files is passed over, not merged. A template is no
 * output: it is what units fill.
 */
export type OutputKind = "merge" | "report" | "results" | "diff" | "annotated";
export const OUTPUT_PROPERTY = "KaoheOutput";
/** On an annotated copy: the digest of the unit's data it was made with (batch/data-digest.ts). */
export const DATA_PROPERTY = "KaoheData";
export const OUTPUT_KINDS: readonly OutputKind[] = ["merge", "report", "results", "diff", "annotated"];
