/**
 * 「环境」 as the UI shows it: where the pane runs, what that host supports and which features run here,
 * each with its reason. Each host describes itself (hosts/excel/environment.ts, hosts/browser, hosts/wps).
 */

/** A sentence in both languages. */
export interface Said {
  zh: string;
  en: string;
}

export type FeatureId =
  "validate" | "live" | "functions" | "sharedRuntime" | "templatePrint" | "autoOpen" | "files" | "downloads" | "marks";

export interface SetRow {
  name: string;
  /** Highest version supported, or null. */
  highest: string | null;
}

export interface FeatureRow {
  id: FeatureId;
  name: Said;
  on: boolean;
  why: Said;
}

export interface Environment {
  /** Inside a spreadsheet host (Excel, WPS); false in a plain browser page. */
  inOffice: boolean;
  host: string;
  platform: string;
  version: string;
  /** Which product this corresponds to, in words. */
  office: Said;
  sets: SetRow[];
  features: FeatureRow[];
}

/** Whether a feature runs here; a feature the host does not list is off. */
export function featureOn(env: Environment, id: FeatureId): boolean {
  return env.features.find((f) => f.id === id)?.on ?? false;
}
