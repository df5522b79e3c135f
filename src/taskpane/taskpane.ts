/**
 * The Excel task pane: the one UI (ui/pane.ts) over the Excel host. Runs in the shared runtime with the
 * functions: on start the host reads the workbook's ruleset into the runtime, so KH.* cells use it even
 * before anyone opens the pane.
 */
import "../ui/started";
import { excelHost } from "../hosts/excel";
import { startPane } from "../ui/pane";

Office.onReady(() => {
  startPane(excelHost());
});
