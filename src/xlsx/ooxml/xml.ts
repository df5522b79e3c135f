/**
 * SAX over a part's bytes as they are inflated, with saxes: decoded in slices (a sheet's XML can be
 * hundreds of MB, never held whole), element names without their namespace prefix (x:c and c alike).
 * saxes keeps a token whole until it ends — text until the next tag, an attribute value, a comment or
 * CDATA, the open elements — so what it holds is looked at after every slice and bounded.
 */
import { SaxesParser } from "saxes";
import { count, MAX_CELL_TEXT } from "./limits";
import { UnusableFile } from "./unusable";

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlStream {
  write(bytes: Uint8Array): void;
  end(): void;
}

/** Bytes decoded and parsed at a time: what saxes may take on between two looks at it. */
const SLICE = 1 << 20;
/** One token (text, attribute value, comment…): Excel's longest, a 32,767-character cell, is far below. */
export const MAX_TOKEN = 1 << 20;
/** Open elements: a worksheet nests about eight deep. */
export const MAX_DEPTH = 1000;
/** Attributes of one element: a worksheet's root has a few dozen at most. */
export const MAX_ATTRIBUTES = 1000;

/** saxes's private state that grows with the input (saxes 6). Read only, to refuse; absent fields count 0. */
interface SaxesHeld {
  text?: string;
  name?: string;
  piTarget?: string;
  entity?: string;
  attribList?: unknown[];
  tags?: unknown[];
}

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

function invalid(partName: string, zh: string, en: string): UnusableFile {
  return new UnusableFile(
    `不是有效的 xlsx 工作簿（「${partName}」：${zh}）`,
    `not a valid xlsx workbook ("${partName}": ${en})`,
  );
}

/** Why saxes holds too much, or null. */
function overgrown(p: SaxesHeld): [string, string] | null {
  const token = Math.max(p.text?.length ?? 0, p.name?.length ?? 0, p.piTarget?.length ?? 0, p.entity?.length ?? 0);
  if (token > MAX_TOKEN)
    return [
      `有一段连续超过 ${count(MAX_TOKEN)} 个字符的文本或标记（单元格最多 ${count(MAX_CELL_TEXT)} 个字符）`,
      `a run of text or markup longer than ${count(MAX_TOKEN)} characters (a cell holds at most ${count(MAX_CELL_TEXT)})`,
    ];
  if ((p.tags?.length ?? 0) > MAX_DEPTH)
    return [`元素嵌套超过 ${count(MAX_DEPTH)} 层`, `elements nested more than ${count(MAX_DEPTH)} deep`];
  if ((p.attribList?.length ?? 0) > MAX_ATTRIBUTES)
    return [
      `一个元素有超过 ${count(MAX_ATTRIBUTES)} 个属性`,
      `an element with more than ${count(MAX_ATTRIBUTES)} attributes`,
    ];
  return null;
}

/** A parser for one part, fed its bytes slice by slice; any fault is the part's, said in one line. */
export function parseXml(partName: string, h: XmlHandler): XmlStream {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (t) => h.open(local(t.name), t.attributes as Record<string, string>));
  if (h.text) {
    const text = h.text.bind(h);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (h.close) {
    const close = h.close.bind(h);
    parser.on("closetag", (t) => close(local(t.name)));
  }
  const decoder = new TextDecoder("utf-8");
  const fail = (): never => {
    const msg = (failure as Error).message.split("\n")[0];
    throw invalid(partName, msg, msg);
  };
  const feed = (text: string) => {
    try {
      parser.write(text);
    } catch (e) {
      if (e instanceof UnusableFile) throw e;
      failure ??= e as Error;
    }
    if (failure) fail();
    const why = overgrown(parser as unknown as SaxesHeld);
    if (why) throw invalid(partName, ...why);
  };
  return {
    write(bytes) {
      for (let i = 0; i < bytes.length; i += SLICE)
        feed(decoder.decode(bytes.subarray(i, i + SLICE), { stream: true }));
    },
    end() {
      feed(decoder.decode());
      try {
        parser.close();
      } catch (e) {
        if (e instanceof UnusableFile) throw e;
        failure ??= e as Error;
      }
      if (failure) fail();
    },
  };
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (a literal "_x" itself as _x005F_x). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Raw cell text may spell each character as _xHHHH_ (seven characters): kept up to this many. */
const MAX_RAW_TEXT = MAX_CELL_TEXT * 7;

/** Appends text to what a cell has gathered, up to what can become Excel's longest cell. */
export function gather(acc: string, t: string): string {
  if (acc.length >= MAX_RAW_TEXT) return acc;
  return acc.length + t.length <= MAX_RAW_TEXT ? acc + t : acc + t.slice(0, MAX_RAW_TEXT - acc.length);
}

/**
 * A string kept after its part is read, copied out of the decoded slice it came from: V8 keeps a
 * substring of 13 characters or more as a view of its parent, so one kept cell would hold a whole
 * megabyte of XML (a 700 MB part with a string every megabyte held all 700). Prepending forces a copy.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** A cell's gathered text as Excel holds it: unescaped, at most 32,767 characters, its own copy. */
export function textOf(raw: string): string {
  const s = unescapeOoxml(raw);
  return own(s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s);
}
