/**
 * The Excel host: the UI's Host over Office.js, composed of the modules beside this one. It keeps the
 * marks it made (their conditional formats' ids), so clearing and 边填边查 need not read them back.
 */
import type { Host, LiveSession, OpenWorkbook } from "../../ui/host";
import { describeEnvironment } from "./environment";
import { describeError } from "./errors";
import { clearMarks, markFindings, type MarkIndex } from "./highlight";
import { LiveValidation, withEventsOff } from "./live";
import { probeHost } from "./probe";
import { readWorkbook } from "./read";
import { reenterFormulas } from "./reenter";
import { excelSelfTest } from "./self-test";
import { selectCell } from "./select";
import { applyRuleset, autoOpenSetting, liveSetting, loadRulesetSetting, setAutoOpen, setLive } from "./settings";
import { writeTables } from "./write-table";
import { writeTemplateSheets } from "./write-template";

function excelWorkbook(): OpenWorkbook {
  let marks: MarkIndex | null = null;
  let live: LiveValidation | null = null;
  const setMarks = (index: MarkIndex | null) => {
    marks = index;
    if (live) live.markIndex = index;
  };
  return {
    read: (request) => Excel.run((context) => readWorkbook(context, request)),
    writeTables: (tables) => withEventsOff((context) => writeTables(context, tables)),
    writeTemplate: async (template) => {
      await withEventsOff((context) => writeTemplateSheets(context, template));
      return null;
    },
    async mark(findings, sheets) {
      const r = await withEventsOff((context) => markFindings(context, findings, sheets));
      setMarks(r.index);
      return r;
    },
    async clearMarks() {
      const index = live ? live.markIndex : marks;
      setMarks(null);
      return (await withEventsOff((context) => clearMarks(context, index))).cleared;
    },
    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    reenterFormulas: (cells) => withEventsOff((context) => reenterFormulas(context, cells)),
    async startLive(check, read, listener): Promise<LiveSession> {
      if (live) {
        marks = live.markIndex; // a full re-read under the last session marked afresh
        live.stop();
      }
      const session = new LiveValidation(check, read, {
        marks,
        onUpdate: listener.onUpdate,
        onError: listener.onError,
      });
      live = session;
      await session.start();
      return {
        stop() {
          if (live !== session) return session.stop();
          marks = session.markIndex;
          session.stop();
          live = null;
        },
      };
    },
  };
}

export function excelHost(): Host {
  return {
    kind: "excel",
    environment: () => describeEnvironment(probeHost()),
    settings: {
      ruleset: loadRulesetSetting,
      saveRuleset: async (id) => void (await applyRuleset(id)),
      live: liveSetting,
      saveLive: setLive,
      autoOpen: autoOpenSetting,
      saveAutoOpen: setAutoOpen,
    },
    workbook: excelWorkbook(),
    files: null,
    selfTest: excelSelfTest,
    pickFiles: null,
    describeError,
  };
}
