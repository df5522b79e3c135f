/**
 * Tells our own outputs (汇总, 校验报告, 结果运用清单) from returned files by the custom document property
 * every writer of them sets (finish.ts, output-kind.ts). Only the zip directory and the small custom-properties part are
 * read; pure, for the command line and the pane alike. A template carries no mark: units fill it.
 */
import { DATA_PROPERTY, OUTPUT_KINDS, OUTPUT_PROPERTY, type OutputKind } from "./output-kind";
import { inflateEntry, readZip } from "./zip";

/** A custom-properties part is a few hundred bytes; a bigger one is not ours to inflate. */
const MAX_PART = 64 * 1024;

export interface OutputMark {
  kind: OutputKind;
  /** An annotated copy's digest of the data it was made with (KaoheData), else null. */
  data: string | null;
}

export function outputMarkOf(bytes: Uint8Array): OutputMark | null {
  let entries;
  try {
    entries = readZip(bytes);
  } catch {
    return null; // not a zip: the reader says why it cannot be used
  }
  // Excel keeps custom properties where they were (docProps/custom.xml) when it saves the file again.
  const part = entries.find((e) => e.name === "docProps/custom.xml");
  if (!part || part.size > MAX_PART || part.compressedSize > MAX_PART) return null;
  let xml: string;
  try {
    xml = new TextDecoder().decode(inflateEntry(part));
  } catch {
    return null;
  }
  const value = (name: string) =>
    new RegExp(`<(?:\\w+:)?property\\b[^>]*\\bname="${name}"[^>]*>\\s*<(?:\\w+:)?lpwstr>([^<]*)<`)
      .exec(xml)?.[1]
      .trim();
  const kind = value(OUTPUT_PROPERTY) as OutputKind | undefined;
  return kind && OUTPUT_KINDS.includes(kind) ? { kind, data: value(DATA_PROPERTY) ?? null } : null;
}
