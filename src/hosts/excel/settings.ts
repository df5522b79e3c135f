/**
 * The ruleset in force travels with the workbook in its document settings. Changing it saves the
 * setting and recalculates the workbook, so every KH.* cell follows at once.
 */
import { resolveRuleset } from "../../engine";
import { SETTING_KEY, setRulesetInForce } from "../../functions/ruleset-in-force";

/** Reads the workbook's ruleset into the shared runtime; an unknown or missing id leaves the default. */
export function loadRulesetSetting(): string | null {
  // Outside an Office host (a plain browser) there is no document: keep the default.
  const settings = Office.context?.document?.settings;
  if (!settings) return null;
  const id = settings.get(SETTING_KEY) as unknown;
  if (typeof id !== "string" || !id) return null;
  try {
    return setRulesetInForce(id).id;
  } catch {
    return null; // an id this version does not know: keep the default rather than guess
  }
}

function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error),
    ),
  );
}

export async function applyRuleset(id: string): Promise<string> {
  const rs = resolveRuleset(id);
  Office.context.document.settings.set(SETTING_KEY, rs.id);
  await saveSettings();
  setRulesetInForce(rs.id);
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
  return rs.id;
}

/** Office's own document setting: with it, the pane opens whenever this workbook is opened (AddinCommands 1.1). */
export const AUTO_OPEN_KEY = "Office.AutoShowTaskpaneWithDocument";

export function autoOpenSetting(): boolean {
  return Office.context?.document?.settings?.get(AUTO_OPEN_KEY) === true;
}

export async function setAutoOpen(on: boolean): Promise<void> {
  Office.context.document.settings.set(AUTO_OPEN_KEY, on);
  await saveSettings();
}

/** 「边填边查」 on or off, saved with the workbook. */
export const LIVE_KEY = "kaohe.live";

export function liveSetting(): boolean {
  return Office.context?.document?.settings?.get(LIVE_KEY) === true;
}

export async function setLive(on: boolean): Promise<void> {
  const settings = Office.context?.document?.settings;
  if (!settings) return; // outside Office: nothing to save
  settings.set(LIVE_KEY, on);
  await saveSettings();
  await startWithDocument(on);
}

/**
 * 边填边查 resumes when the workbook opens only if Office starts the add-in with it: "Run code in your
 * Office Add-in when the document opens" — Office.addin.setStartupBehavior(load) (SharedRuntime 1.1), and
 * none again when it is switched off, so a workbook without it does not load the add-in for nothing.
 */
async function startWithDocument(on: boolean): Promise<void> {
  if (!Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") || !Office.addin) return;
  await Office.addin.setStartupBehavior(on ? Office.StartupBehavior.load : Office.StartupBehavior.none);
}
