/**
 * SAX over a part's bytes with saxes: decoded in chunks (a sheet's XML can be hundreds of MB, never
 * held as one string), element names without their namespace prefix (x:c and c alike).
 */
import { SaxesParser } from "saxes";
import { UnusableFile } from "./unusable";

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const CHUNK = 1 << 22;
const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

export function parseXml(bytes: Uint8Array, partName: string, h: XmlHandler): void {
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
  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) {
      parser.write(decoder.decode(bytes.subarray(i, i + CHUNK), { stream: i + CHUNK < bytes.length }));
    }
    if (!failure) parser.close();
  } catch (e) {
    if (e instanceof UnusableFile) throw e;
    failure ??= e as Error;
  }
  if (failure) {
    const msg = (failure as Error).message.split("\n")[0];
    throw new UnusableFile(
      `不是有效的 xlsx 工作簿（「${partName}」：${msg}）`,
      `not a valid xlsx workbook ("${partName}": ${msg})`,
    );
  }
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (a literal "_x" itself as _x005F_x). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
