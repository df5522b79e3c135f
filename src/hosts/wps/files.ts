/**
 * Files in WPS: returned workbooks picked in WPS's own file dialog (Application.FileDialog, a file picker)
 * and read with wps.FileSystem.ReadFileAsArrayBuffer; the template written by the same writer as
 * `kaohe template` into the user's Downloads folder and opened as a workbook of its own.
 */
import type { Picked } from "../../ui/host";
import { XL, type WpsApp } from "./et";

/** The files chosen, or null when WPS offers no dialog (the pane's own picker is used then). */
export function pickWithDialog(app: WpsApp): Picked[] | null {
  if (typeof app.FileDialog !== "function" || !app.FileSystem) return null;
  const dialog = app.FileDialog(XL.filePicker);
  dialog.AllowMultiSelect = true;
  dialog.Title = "选择回收的工作簿 / Choose the returned workbooks";
  dialog.Filters.Clear();
  // The formats units save returns in: .et and .xls are read as BIFF, .ods and .xlsb by the legacy reader.
  dialog.Filters.Add("工作簿 / Workbooks", "*.xlsx;*.xlsm;*.xls;*.et;*.ods;*.xlsb");
  if (dialog.Show() !== -1) return []; // cancelled
  const paths: string[] = [];
  for (let i = 1; i <= dialog.SelectedItems.Count; i++) paths.push(dialog.SelectedItems.Item(i));
  return paths.map((path) => ({
    name: path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1),
    bytes: async () => app.FileSystem.ReadFileAsArrayBuffer(path),
  }));
}

/** A free path for `name` in `folder` ("模板.xlsx", then "模板 (2).xlsx" …): nothing is written over. */
export function freePath(app: WpsApp, folder: string, name: string): string {
  const sep = folder.includes("\\") ? "\\" : "/";
  const dot = name.lastIndexOf(".");
  for (let i = 1; ; i++) {
    const candidate = `${folder}${folder.endsWith(sep) ? "" : sep}${i === 1 ? name : `${name.slice(0, dot)} (${i})${name.slice(dot)}`}`;
    if (!app.FileSystem.Exists(candidate)) return candidate;
  }
}

/** Writes the bytes to a new file in Downloads and opens it in WPS; returns its path. */
export function openAsWorkbook(app: WpsApp, name: string, bytes: Uint8Array): string {
  const path = freePath(app, app.Env.GetDownloadPath(), name);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  if (!app.FileSystem.writeAsBinaryString(path, binary)) throw new Error(`WPS 未能写入「${path}」`);
  app.Workbooks.Open(path);
  return path;
}
