/**
 * Hostile .xlsx packages written byte by byte, for the reader's bounds (tests/reader-bounds.test.ts):
 * any workbook.xml and relationships (two sheets on one part, two sheets of one name), a part that
 * inflates beyond what its header declares, and parts of hundreds of MB made in milliseconds — a run of
 * one byte is deflated by hand (a literal, then copies of 258 bytes at distance 1), never held inflated.
 */
import { deflateSync, strToU8 } from "fflate";

/** A part as stored: deflated bytes and the size they inflate to (what the headers declare unless told). */
export interface Stored {
  deflated: Uint8Array;
  size: number;
  declared?: number;
}

/** Text, or a run of `count` copies of one byte: a part too large to build inflated. */
export type Piece = string | { repeat: number; byte: number };

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw DEFLATE with the fixed Huffman codes (RFC 1951 §3.2.6): text as literals, runs as copies. */
export function deflatePieces(pieces: Piece[]): Stored {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  const bits = (value: number, n: number) => {
    for (let i = 0; i < n; i++) {
      acc |= ((value >> i) & 1) << nbits;
      if (++nbits === 8) (out.push(acc), (acc = 0), (nbits = 0));
    }
  };
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits((value >> i) & 1, 1); // Huffman codes go most significant bit first
  };
  const literal = (b: number) => (b < 144 ? code(0x30 + b, 8) : code(0x190 + b - 144, 9));
  let size = 0;
  bits(1, 1); // the final block
  bits(1, 2); // fixed codes
  for (const p of pieces) {
    if (typeof p === "string") {
      for (const b of strToU8(p)) literal(b);
      size += strToU8(p).length;
      continue;
    }
    if (p.repeat === 0) continue;
    literal(p.byte);
    let left = p.repeat - 1;
    for (; left >= 258; left -= 258) {
      code(0xc5, 8); // length 258 (code 285)
      code(0, 5); // distance 1
    }
    for (; left > 0; left--) literal(p.byte);
    size += p.repeat;
  }
  code(0, 7); // end of block
  if (nbits) out.push(acc);
  return { deflated: Uint8Array.from(out), size };
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A zip of the given parts; text is deflated (with its CRC), Stored parts are taken as they are (CRC 0: no reader here checks it). */
export function zipParts(parts: Record<string, string | Uint8Array | Stored>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, part] of Object.entries(parts)) {
    const raw = typeof part === "string" ? strToU8(part) : part instanceof Uint8Array ? part : null;
    const stored: Stored = raw ? { deflated: deflateSync(raw), size: raw.length } : (part as Stored);
    const crc = raw ? crc32(raw) : 0;
    const size = stored.declared ?? stored.size;
    const nameBytes = strToU8(name);
    const common = [
      ...u16(20),
      ...u16(0x800),
      ...u16(8),
      ...u16(0),
      ...u16(0x21),
      ...u32(crc),
      ...u32(stored.deflated.length),
      ...u32(size),
      ...u16(nameBytes.length),
      ...u16(0),
    ];
    chunks.push(Uint8Array.from([...u32(0x04034b50), ...common]), nameBytes, stored.deflated);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset));
    central.push(...nameBytes);
    offset += 30 + nameBytes.length + stored.deflated.length;
    count++;
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(central.length),
    ...u32(offset),
    ...u16(0),
  ];
  chunks.push(Uint8Array.from(central), Uint8Array.from(end));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (all.set(c, at), (at += c.length));
  return all;
}

export interface SheetRef {
  name: string;
  /** The worksheet part, relative to xl/ ("worksheets/sheet1.xml"). */
  target: string;
}

/** A workbook whose sheets point where they are told, with the parts given (worksheets wrapped by `sheet`). */
export function hostileBook(
  sheets: SheetRef[],
  parts: Record<string, string | Uint8Array | Stored>,
  opts: { strings?: string[] } = {},
): Uint8Array {
  return zipParts({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target}"/>`,
      )
      .join("")}</Relationships>`,
    ...(opts.strings
      ? {
          "xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings
            .map((t) => `<si><t>${t}</t></si>`)
            .join("")}</sst>`,
        }
      : {}),
    ...parts,
  });
}

/** A worksheet part around the given inner XML. */
export function sheet(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${inner}</worksheet>`;
}

/** The same worksheet's opening and closing, for a part built from pieces. */
export const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>`;
export const SHEET_CLOSE = "</worksheet>";

const is = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

/** A header row (姓名, 单位, 本年等次) and one cadre: a sheet the engine reads. */
export const CADRE_ROWS = `<row r="1">${is("A1", "姓名")}${is("B1", "单位")}${is("C1", "本年等次")}</row><row r="2">${is("A2", "张三")}${is("B2", "甲局")}${is("C2", "优秀")}</row>`;

/** A good workbook to check beside a hostile one: the batch must go on. */
export function goodBook(): Uint8Array {
  return hostileBook([{ name: "干部", target: "worksheets/sheet1.xml" }], {
    "xl/worksheets/sheet1.xml": sheet(`<sheetData>${CADRE_ROWS}</sheetData>`),
  });
}
