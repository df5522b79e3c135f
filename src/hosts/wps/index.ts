/**
 * The WPS host: the UI's Host over WPS's ET API (the modules beside this one). Calls are synchronous; the
 * host keeps the marks it made and a flag while it writes, so its own writes never re-enter 边填边查.
 */
import type { Host, LiveSession, OpenWorkbook } from "../../ui/host";
import { describeWps, versionFromAgent, type WpsProbe } from "./environment";
import { describeWpsError } from "./errors";
import type { WpsApp } from "./et";
import { openAsWorkbook, pickWithDialog } from "./files";
import { ownWrite, WpsLive, type WpsLiveState } from "./live";
import { clearMarks, markFindings } from "./marks";
import { readWorkbook } from "./read";
import { wpsSelfTest } from "./self-test";
import { selectCell } from "./select";
import { wpsSettings } from "./settings";
import { writeTables } from "./write-table";

export function probeWps(app: WpsApp, userAgent: string, platform: string): WpsProbe {
  let version = versionFromAgent(userAgent);
  if (!version) {
    try {
      version = `${app.Version}.${app.Build}`;
    } catch {
      version = null;
    }
  }
  return {
    version,
    platform,
    hasCustomFunctions: typeof app.AddCustomFunction === "function",
    hasEvents: typeof app.ApiEvent?.AddApiEventListener === "function",
    hasFileDialog: typeof app.FileDialog === "function",
  };
}

function wpsWorkbook(app: WpsApp): OpenWorkbook {
  const state: WpsLiveState = { marks: null, writing: false };
  let live: WpsLive | null = null;
  const write = async <T>(work: () => T): Promise<T> => ownWrite(app, state, work);
  return {
    read: (request) => readWorkbook(app, request),
    writeTables: (tables) => write(() => writeTables(app, tables)),
    async writeTemplate(template) {
      const writers = await import(/* webpackChunkName: "writers" */ "../../ui/writers");
      const bytes = await writers.template(template);
      const name = `${template.year}年度考核模板${template.formulas === "kh" ? "（KH函数）" : ""}.xlsx`;
      return { path: openAsWorkbook(app, name, bytes) };
    },
    mark: (findings, sheets) =>
      write(() => {
        const r = markFindings(app, findings, sheets);
        state.marks = r.marks;
        return r;
      }),
    clearMarks: () =>
      write(() => {
        state.marks = null;
        return clearMarks(app);
      }),
    select: async (sheet, cell) => selectCell(app, sheet, cell),
    async startLive(check, read, listener): Promise<LiveSession> {
      live?.stop();
      const session = new WpsLive(app, check, read, listener, state);
      session.start();
      live = session;
      return {
        stop() {
          session.stop();
          if (live === session) live = null;
        },
      };
    },
  };
}

export function wpsHost(app: WpsApp, userAgent = navigator.userAgent, platform = navigator.platform): Host {
  return {
    kind: "wps",
    environment: () => describeWps(probeWps(app, userAgent, platform)),
    settings: wpsSettings(app),
    workbook: wpsWorkbook(app),
    files: null,
    selfTest: () => wpsSelfTest(app),
    pickFiles: async () => pickWithDialog(app),
    describeError: describeWpsError,
  };
}
