/** Reads manifest.xml offline (Microsoft's validator needs its online service). */
import { DOMParser } from "@xmldom/xmldom";

export interface ManifestFacts {
  doc: Document;
  resids: Map<string, string>;
  used: string[];
}

export function readManifest(xml: string): ManifestFacts {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(xml, "text/xml") as unknown as Document;
  if (errors.length) throw new Error(`manifest.xml does not parse: ${errors.join("; ")}`);
  const resids = new Map<string, string>();
  for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length; i++) {
      const el = list[i];
      const id = el.getAttribute("id");
      if (id) resids.set(id, el.getAttribute("DefaultValue") ?? "");
    }
  }
  const used: string[] = [];
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const r = all[i].getAttribute("resid");
    if (r) used.push(r);
  }
  return { doc, resids, used };
}

export function first(doc: Document, tag: string, within?: Element): Element {
  const el = (within ?? doc).getElementsByTagName(tag)[0];
  if (!el) throw new Error(`no <${tag}> in manifest`);
  return el;
}
