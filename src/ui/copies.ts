/**
 * Copies sent back for correction, made in the page (a chunk of their own, loaded on first use, without the
 * template writer's ExcelJS): each as `kaohe check --annotate` writes it, several as one .zip.
 */
import { zipSync } from "fflate";
import type { CheckedFile } from "../batch/check-one";
import { dataDigest } from "../batch/data-digest";
import { sha256Bytes } from "../engine/sha256";
import { annotatedBytes, annotatedName, unitLanguage } from "../xlsx/annotate";

/** A checked file's copy for its unit, as `kaohe check --annotate` writes it; with its name. */
export function annotated(bytes: Uint8Array, c: CheckedFile, at: string): { name: string; bytes: Uint8Array } {
  const base = c.file.replace(/^.*[\\/]/, "");
  return {
    name: annotatedName(base),
    bytes: annotatedBytes(bytes, c.result, {
      file: base,
      lang: unitLanguage(c.result.model),
      at,
      fingerprint: sha256Bytes(bytes),
      digest: dataDigest(c.input),
    }),
  };
}

/** Several files as one .zip (stored: an .xlsx is compressed already); names kept unique. */
export function zipped(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) {
    let name = f.name;
    for (let i = 2; name in entries; i++) name = f.name.replace(/(\.[^.]*)?$/, `(${i})$1`);
    entries[name] = [f.bytes, { level: 0 }];
  }
  return zipSync(entries);
}
