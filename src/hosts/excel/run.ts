/** Excel.run as the add-in's background work needs it, and the requirement-set question it asks. */

/**
 * Office's requirement-set check; undefined outside Office (a plain browser page, the tests' bare fakes).
 * Callers ask it with the set and version written out (`requirements()?.isSetSupported("ExcelApi", "1.14")`):
 * tests/api-sets.test.ts reads those literals to see which calls are guarded.
 */
export function requirements(): Office.RequirementSetSupport | undefined {
  return typeof Office === "undefined" ? undefined : Office.context?.requirements;
}

/**
 * Excel.run for batches the user did not start (边填边查): where ExcelApi 1.11 allows, a batch that arrives
 * while the user is typing in a cell waits until the edit ends instead of failing (Excel.RunOptions
 * .delayForCellEdit). Below 1.11 it fails with InvalidOperationInCellEditMode, and the runner retries.
 */
export function runWhenEditDone<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (requirements()?.isSetSupported("ExcelApi", "1.11")) return Excel.run({ delayForCellEdit: true }, batch);
  return Excel.run(batch);
}
