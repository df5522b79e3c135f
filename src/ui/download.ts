/**
 * Files handed out from the page: a download of bytes made here (a blob: URL, released once the click has
 * been handled). The browser app's host saves this way; so do the panes for what only exists as files
 * (copies sent back for correction, their .zip).
 */
import type { FileOutput } from "./host";

const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
  zip: "application/zip",
};

export function download(name: string, bytes: Uint8Array): void {
  const type = TYPES[name.slice(name.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Downloads, with the writers and the ruleset-file reader loaded on first use (their own chunks). */
export function pageFiles(): FileOutput {
  return {
    save: download,
    tools: async () => ({
      writers: await import(/* webpackChunkName: "writers" */ "./writers"),
      rulesetFile: await import(/* webpackChunkName: "ruleset-file" */ "./ruleset-file"),
    }),
  };
}
