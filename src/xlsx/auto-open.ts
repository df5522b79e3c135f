/**
 * Office's "open the task pane with the document" (AddinCommands 1.1): a webextension part naming the
 * add-in with the property Office.AutoShowTaskpaneWithDocument = true, and a taskpane part pointing at it.
 * ExcelJS cannot write them, so they are added to the finished package (finish.ts). The catalog is escaped
 * for an XML attribute whatever it holds (the command line validates it as well). The add-in is named by the
 * manifest's Id and Version, found where it was deployed: a shared-folder catalog, or sideloaded.
 */
import { Parts } from "./parts";
import { xmlAttr } from "./xml-text";

/** manifest.xml's <Id> and <Version> (tests/manifest.test.ts holds them equal). */
export const ADDIN_ID = "6f1d3c52-8a0e-4b7e-9d35-2f6a4c1b7e90";
export const ADDIN_VERSION = "0.1.0.0";
/** This instance of the add-in in the workbook; any GUID, fixed so the same input gives the same file. */
const INSTANCE_ID = "{A3C1E2B4-5D6F-4A7B-8C9D-0E1F2A3B4C5D}";

export interface AddinStore {
  /** A shared-folder catalog (\\server\share), or sideloading on this machine ("developer"). */
  catalog: string | null;
}

function webextension(store: AddinStore): string {
  const [where, type] = store.catalog ? [store.catalog, "FileSystem"] : ["developer", "Registry"];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${INSTANCE_ID}">` +
    `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="${xmlAttr(where)}" storeType="${type}"/>` +
    `<we:alternateReferences/>` +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
    `<we:bindings/>` +
    `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
    `</we:webextension>`
  );
}

// visibility="1": the pane opens the first time too (Office asks to trust the add-in once).
const TASKPANES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">` +
  `<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">` +
  `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
  `</wetp:taskpane></wetp:taskpanes>`;

const TASKPANES_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>` +
  `</Relationships>`;

const ROOT_REL =
  `<Relationship Id="rIdKaoheTaskpanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" ` +
  `Target="xl/webextensions/taskpanes.xml"/>`;

const OVERRIDES =
  `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>` +
  `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>`;

/** Adds the add-in's pane to a package being finished (an existing webextension part is replaced). */
export function addAutoOpen(parts: Parts, store: AddinStore): void {
  for (const name of parts.names()) if (name.startsWith("xl/webextensions/")) parts.remove(name);
  const rels = (parts.text("_rels/.rels") ?? "").replace(/<Relationship [^>]*webextensiontaskpanes[^>]*\/>/g, "");
  parts.set("_rels/.rels", rels.replace("</Relationships>", `${ROOT_REL}</Relationships>`));
  const types = (parts.text("[Content_Types].xml") ?? "").replace(
    /<Override PartName="\/xl\/webextensions\/[^"]*"[^>]*\/>/g,
    "",
  );
  parts.set("[Content_Types].xml", types.replace("</Types>", `${OVERRIDES}</Types>`));
  parts.set("xl/webextensions/webextension1.xml", webextension(store));
  parts.set("xl/webextensions/taskpanes.xml", TASKPANES);
  parts.set("xl/webextensions/_rels/taskpanes.xml.rels", TASKPANES_RELS);
}

/** The same package with the add-in's pane set to open with it. */
export function withAutoOpen(xlsx: Uint8Array, store: AddinStore): Uint8Array {
  const parts = Parts.read(xlsx);
  addAutoOpen(parts, store);
  return parts.write();
}
