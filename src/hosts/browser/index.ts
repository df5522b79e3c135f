/**
 * The browser app's host: no open workbook; files come in through the page (picker, folder, drop) and go
 * out as downloads. Nothing is saved between visits and nothing leaves the page.
 */
import type { Host } from "../../ui/host";
import { describeAnyError } from "../../ui/errors";
import { download, pageFiles } from "../../ui/download";
import { describeBrowser } from "./environment";

export { download };

export function browserHost(): Host {
  let live = false;
  return {
    kind: "browser",
    environment: () => describeBrowser(navigator.userAgent, navigator.platform),
    // The page keeps choices while it is open; a file:// page has no lasting place of its own.
    settings: {
      ruleset: () => null,
      saveRuleset: async () => undefined,
      live: () => live,
      saveLive: async (on) => void (live = on),
      autoOpen: () => false,
      saveAutoOpen: async () => undefined,
    },
    workbook: null,
    files: pageFiles(),
    selfTest: null,
    pickFiles: null,
    describeError: describeAnyError,
  };
}
