/**
 * The WPS add-in's entry page (index.html, loaded hidden when WPS starts): the ribbon's callbacks, the
 * task pane, and the KH functions. The pane and this page are separate pages; the ruleset in force
 * travels between them in PluginStorage (shared by an add-in's pages), read from the workbook as it opens.
 */
/// <reference types="et-jsapi-declare" />
import { DEFAULT_RULESET_ID } from "../engine";
import { SETTING_KEY, setRulesetInForce } from "../functions/ruleset-in-force";
import type { WpsApp } from "../hosts/wps/et";
import { registerFunctions, type ExcelMetadata } from "../hosts/wps/functions";
import { getProperty } from "../hosts/wps/settings";
import { CHECK_ON_OPEN_KEY, PANE_ID_KEY } from "./keys";

/** functions.json's content, from the JSDoc of functions/functions.ts at build time (webpack DefinePlugin). */
declare const __KH_FUNCTIONS__: ExcelMetadata;

const app = (window as unknown as { Application: WpsApp }).Application;

/** This page's folder: the pane page lies beside it. */
function base(): string {
  const href = location.href.split(/[?#]/)[0];
  return href.slice(0, href.lastIndexOf("/") + 1);
}

function showPane(): void {
  const storage = app.PluginStorage;
  const id = Number(storage.getItem(PANE_ID_KEY));
  if (id) {
    try {
      const pane = app.GetTaskPane(id);
      pane.Visible = true;
      return;
    } catch {
      // closed for good: make it again
    }
  }
  const pane = app.CreateTaskPane(`${base()}taskpane.html`, "考核规则");
  storage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

/** The workbook's saved ruleset, for the functions here and the pane. */
function publishRuleset(): void {
  let id: string | null = null;
  try {
    id = getProperty(app, SETTING_KEY);
  } catch {
    id = null; // no workbook open
  }
  app.PluginStorage.setItem(SETTING_KEY, id ?? DEFAULT_RULESET_ID);
}

const ribbon = {
  OnAddinLoad(): boolean {
    try {
      if (typeof app.AddCustomFunction === "function") {
        registerFunctions(app.AddCustomFunction.bind(app), __KH_FUNCTIONS__, () => {
          const id = app.PluginStorage.getItem(SETTING_KEY);
          if (id) {
            try {
              setRulesetInForce(id);
            } catch {
              // an id this version does not know: keep the one in force
            }
          }
        });
      }
      for (const name of ["WorkbookOpen", "WindowActivate"] as const)
        app.ApiEvent.AddApiEventListener(name as "WorkbookOpen", publishRuleset);
      publishRuleset();
    } catch (e) {
      // The ribbon still works; the pane's 自检 says what failed.
      console.error(e);
    }
    return true;
  },
  OnAction(control: { Id: string }): boolean {
    if (control.Id === "kaoheCheck") app.PluginStorage.setItem(CHECK_ON_OPEN_KEY, "1");
    showPane();
    return true;
  },
  GetImage(control: { Id: string }): string {
    return control.Id === "kaoheCheck" ? "images/check.png" : "images/kaohe.png";
  },
};

// WPS finds the callbacks by the dotted names in ribbon.xml (ribbon.OnAction …).
(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
