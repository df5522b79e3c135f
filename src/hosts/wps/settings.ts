/**
 * What the add-in keeps in the workbook: custom document properties (kaohe.ruleset, kaohe.live), saved
 * with the file like the Excel host's document settings. PluginStorage is not persisted (WPS's docs), so
 * nothing lives there.
 */
import { DEFAULT_RULESET_ID, resolveRuleset } from "../../engine";
import { SETTING_KEY, setRulesetInForce } from "../../functions/ruleset-in-force";
import type { HostSettings } from "../../ui/host";
import { XL, type WpsApp } from "./et";

export const LIVE_KEY = "kaohe.live";

function properties(app: WpsApp): Kso.DocumentProperties {
  return app.ActiveWorkbook.CustomDocumentProperties as Kso.DocumentProperties;
}

export function getProperty(app: WpsApp, name: string): string | null {
  const props = properties(app);
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    if (p.Name === name) return String(p.Value);
  }
  return null;
}

export function setProperty(app: WpsApp, name: string, value: string): void {
  const props = properties(app);
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    if (p.Name === name) {
      p.Value = value;
      return;
    }
  }
  props.Add(name, false, XL.propertyString, value);
}

export function removeProperty(app: WpsApp, name: string): void {
  const props = properties(app);
  for (let i = props.Count; i >= 1; i--) if (props.Item(i).Name === name) props.Item(i).Delete();
}

/**
 * The KH functions run in the add-in's entry page, apart from the pane: they read the ruleset in force
 * from PluginStorage, which an add-in's pages share (wps/main.ts).
 */
function publish(app: WpsApp, id: string): void {
  app.PluginStorage?.setItem(SETTING_KEY, id);
}

export function wpsSettings(app: WpsApp): HostSettings {
  return {
    ruleset() {
      const id = getProperty(app, SETTING_KEY);
      let known: string | null = null;
      try {
        known = id ? setRulesetInForce(id).id : null;
      } catch {
        known = null; // an id this version does not know: keep the default rather than guess
      }
      publish(app, known ?? DEFAULT_RULESET_ID);
      return known;
    },
    async saveRuleset(id) {
      const rs = resolveRuleset(id);
      setProperty(app, SETTING_KEY, rs.id);
      setRulesetInForce(rs.id);
      publish(app, rs.id);
      app.Calculate(); // KH.* cells follow the ruleset now in force
    },
    live: () => getProperty(app, LIVE_KEY) === "true",
    saveLive: async (on) => setProperty(app, LIVE_KEY, String(on)),
    // WPS has no "open this pane with the workbook" document setting.
    autoOpen: () => false,
    saveAutoOpen: async () => undefined,
  };
}
