/**
 * The browser app's host: no open workbook; files come in through the page (picker, folder, drop) and go
 * out as downloads. Nothing is saved between visits and nothing leaves the page.
 */
import type { Host } from "../../ui/host";
import { describeAnyError } from "../../ui/errors";
import { describeBrowser } from "./environment";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download of bytes made in the page (a blob: URL, released once the click has been handled). */
export function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

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
    files: {
      save: download,
      tools: async () => ({
        writers: await import(/* webpackChunkName: "writers" */ "../../ui/writers"),
        rulesetFile: await import(/* webpackChunkName: "ruleset-file" */ "../../ui/ruleset-file"),
      }),
    },
    selfTest: null,
    pickFiles: null,
    describeError: describeAnyError,
  };
}
