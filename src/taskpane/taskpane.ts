/**
 * The task pane. Runs in the shared runtime with the functions: on start it reads the workbook's
 * ruleset into the runtime (so KH.* cells use it even before anyone opens the pane).
 * One engine: the findings here are those of `kaohe check` on the same workbook.
 */
import "./started";
import {
  checkWorkbook,
  distribution,
  LiveCheck,
  parseDate,
  resolveRuleset,
  rulesetForWorkbook,
  resultList,
  type CheckResult,
} from "../engine";
import { rulesetInForceId } from "../functions/ruleset-in-force";
import { reportTable } from "../tables/report";
import { resultTables } from "../tables/results";
import { stamp } from "../tables/table";
import { el, h } from "./dom";
import { describeError, type Said } from "./excel/errors";
import { clearMarks, markFindings, type MarkIndex } from "./excel/highlight";
import { Cancelled } from "./excel/progress";
import { readWorkbook, type WorkbookRead } from "./excel/read";
import { selectCell } from "./excel/select";
import { applyRuleset, autoOpenSetting, liveSetting, loadRulesetSetting, setAutoOpen, setLive } from "./excel/settings";
import { LiveValidation, withEventsOff, type LiveUpdate } from "./excel/live";
import { writeTable, writeTables } from "./excel/write-table";
import { writeTemplateSheets } from "./excel/write-template";
import { buildTemplate, defaultAppraisalYear } from "../template/spec";
import { referenceFor } from "../template/reference";
import { renderFindings } from "./findings-panel";
import { functionItems } from "./functions-list";
import { textOf } from "./i18n";
import { renderRuleset } from "./ruleset-panel";
import { describeEnvironment, featureOn, type Environment } from "./environment";
import { renderEnvironment } from "./environment-panel";
import { renderDistribution } from "./distribution-panel";
import { probeHost } from "./excel/host";
import type { Filter, GroupBy, Lang } from "./view-model";

let lang: Lang = "zh";
let last: { read: WorkbookRead; result: CheckResult } | null = null;
let filter: Filter = { severity: "", unit: "", rule: "" };
let groupBy: GroupBy = "unit";
let running: { aborted: boolean } | null = null;
/** The ruleset saved in this workbook's settings; without one, a 规则 sheet's ruleset applies. */
let savedRuleset: string | null = null;
/** 「边填边查」 while on, and the marks it keeps up to date (null: the cells are not marked). */
let liveCheck: LiveValidation | null = null;
let markIndex: MarkIndex | null = null;
let lastFull: Date | null = null;
/** What this Excel runs (「环境」); read once when Office is ready. */
let env: Environment | null = null;

function setStatus(text: string, error = false): void {
  const s = el("status");
  s.textContent = text;
  s.className = error ? "status error" : "status";
}

function showError(e: unknown): void {
  setStatus(describeError(e)[lang], !(e instanceof Cancelled));
}

function say(s: Said | null): void {
  if (s) setStatus(s[lang], true);
}

const ACTIONS = ["validate", "mark", "unmark", "writeReport", "writeResults", "ruleset", "makeTemplate", "pickFiles"];

function busy(on: boolean): void {
  for (const id of ACTIONS) el<HTMLButtonElement>(id).disabled = on;
  el("cancel").hidden = !on;
  el("progress").hidden = !on;
}

function progress(done: number, total: number, text: string): void {
  const bar = el<HTMLProgressElement>("progress");
  bar.value = total ? (100 * done) / total : 0;
  setStatus(text);
}

/** Lets the page paint between stages. */
const frame = () => new Promise<void>((r) => setTimeout(r, 0));

function renderAll(): void {
  const t = textOf(lang);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  el("title").textContent = t.title;
  el("lang").textContent = t.other;
  el("validate").textContent = t.validate;
  el("cancel").textContent = t.cancel;
  el("mark").textContent = t.mark;
  el("unmark").textContent = t.unmark;
  el("writeReport").textContent = t.writeReport;
  el("writeResults").textContent = t.writeResults;
  el("announcedLabel").textContent = t.announced;
  el("makeTemplate").textContent = t.makeTemplate;
  el("templateYearLabel").textContent = t.templateYear;
  el("templateFormulasLabel").textContent = t.templateFormulas;
  el("formulasNative").textContent = t.formulasNative;
  el("formulasKh").textContent = t.formulasKh;
  el("autoOpenLabel").textContent = t.autoOpen;
  el("dailyTitle").textContent = t.dailyTitle;
  el<HTMLInputElement>("announced").placeholder = t.datePlaceholder;
  el("superiorTitle").textContent = t.superiorTitle;
  el("pickFiles").textContent = t.pickFiles;
  el("dropZone").textContent = t.dropZone;
  el("liveLabel").textContent = t.live;
  el("liveLabel").parentElement!.title = t.liveTip;
  el("functionsTitle").textContent = t.functions;
  el("functions").replaceChildren(...functionItems());
  renderRuleset(rulesetInForceId(), lang);
  if (env) renderEnvironment(env, lang);
  renderFeatureSwitches();
  renderResults();
}

/** Features this Excel lacks are switched off where they are offered, with the reason as their tooltip. */
function renderFeatureSwitches(): void {
  if (!env?.inOffice) return; // in a plain browser (tests, previews) everything stays as it is
  const functions = env.features.find((f) => f.id === "functions");
  const kh = el<HTMLOptionElement>("formulasKh");
  kh.disabled = !featureOn(env, "functions");
  kh.title = functions && !functions.on ? functions.why[lang] : "";
  if (kh.disabled) el<HTMLSelectElement>("templateFormulas").value = "native";
  const autoOpen = env.features.find((f) => f.id === "autoOpen");
  const box = el<HTMLInputElement>("autoOpen");
  box.disabled = !autoOpen?.on;
  box.title = autoOpen && !autoOpen.on ? autoOpen.why[lang] : "";
}

async function onAutoOpenChange(): Promise<void> {
  const on = el<HTMLInputElement>("autoOpen").checked;
  try {
    await setAutoOpen(on);
    setStatus(textOf(lang).autoOpenSaved(on));
  } catch (e) {
    showError(e);
  }
}

function renderResults(): void {
  el("results").hidden = !last;
  if (!last) return;
  renderFindings({ result: last.result, filter, groupBy, lang, sheets: new Set(last.read.sheets.map((s) => s.name)) });
  renderDistribution(last.result.problem ? null : distribution(last.result.model, last.result.ruleset), lang);
}

async function validate(): Promise<void> {
  const t = textOf(lang);
  const signal = { aborted: false };
  running = signal;
  busy(true);
  try {
    const read = await Excel.run((ctx) =>
      readWorkbook(ctx, { signal, onProgress: (_stage, done, total) => progress(done, total, t.reading(done, total)) }),
    );
    progress(1, 1, t.checking);
    await frame();
    if (signal.aborted) throw new Cancelled();
    const ruleset = rulesetForWorkbook(read.input.sheets, resolveRuleset(rulesetInForceId()), savedRuleset !== null);
    const result = checkWorkbook(read.input, ruleset, { templateFormulas: referenceFor(read.input.sheets, ruleset) });
    last = { read, result };
    lastFull = new Date();
    if (liveCheck) await startLive(); // follow the new reading
    filter = { severity: "", unit: "", rule: "" };
    renderResults();
    const hidden = read.sheets.filter((s) => s.visibility !== "Visible" && !s.owned && s.rows > 0).map((s) => s.name);
    const lines = [result.problem ? result.problem[lang] : result.findings.length ? "" : t.noFindings];
    if (hidden.length) lines.push(t.hiddenRead(hidden.join("、")));
    if (ruleset.id !== rulesetInForceId()) lines.push(t.carried(ruleset.id));
    setStatus(lines.filter(Boolean).join("\n"), Boolean(result.problem));
  } catch (e) {
    showError(e);
  } finally {
    running = null;
    busy(false);
  }
}

/** Runs a write with the pane busy and any failure said in the pane. */
async function act(work: () => Promise<string>): Promise<void> {
  busy(true);
  setStatus(textOf(lang).writing);
  try {
    setStatus(await work());
  } catch (e) {
    showError(e);
  } finally {
    busy(false);
  }
}

function wroteLine(w: { name: string; renamed: boolean }, wanted: string): string {
  const t = textOf(lang);
  return w.renamed ? t.renamed(w.name, wanted) : t.wrote(w.name);
}

const mark = () =>
  act(async () => {
    if (!last) return "";
    const t = textOf(lang);
    const { result, read } = last;
    const r = await withEventsOff((ctx) => markFindings(ctx, result.findings, read.sheets));
    markIndex = r.index;
    if (liveCheck) liveCheck.markIndex = r.index;
    return [t.marked(r.marked), ...r.protectedSheets.map((p) => t.protectedSkipped(p.sheet, p.cells))].join("\n");
  });

const unmark = () =>
  act(async () => {
    markIndex = null;
    if (liveCheck) liveCheck.markIndex = null;
    return textOf(lang).cleared((await withEventsOff((ctx) => clearMarks(ctx))).cleared);
  });

/** Excel does not report every edit: with 边填边查 on, what is written rests on a full check. */
async function freshForWriting(): Promise<void> {
  if (liveCheck) await validate();
}

const writeReport = () =>
  act(async () => {
    await freshForWriting();
    if (!last) return "";
    const table = reportTable(last.result, lang, stamp(new Date()));
    return wroteLine(await withEventsOff((ctx) => writeTable(ctx, table)), table.name);
  });

const writeResults = () =>
  act(async () => {
    await freshForWriting();
    if (!last) return "";
    const t = textOf(lang);
    // Typed, not a date picker: a picker shows the browser's locale; 2026年1月15日 and 2026-01-15 both read.
    const date = el<HTMLInputElement>("announced").value.trim();
    const announced = date ? parseDate(date) : null;
    if (announced && !announced.ok) return t.badDate(date);
    const items = resultList(
      last.result.model,
      last.result.ruleset,
      announced?.ok ? { announced: announced.value } : {},
    );
    const rs = last.result.ruleset;
    const [list, talks] = resultTables(items, lang, [
      [lang === "zh" ? "规则集" : "Ruleset", `${rs.id} — ${rs.title[lang]}`],
      [lang === "zh" ? "生成时间" : "Made at", stamp(new Date())],
    ]);
    const [a, b] = await withEventsOff((ctx) => writeTables(ctx, [list, talks]));
    return [wroteLine(a, list.name), wroteLine(b, talks.name), t.results(list.rows.length, talks.rows.length)].join(
      "\n",
    );
  });

const makeTemplate = () =>
  act(async () => {
    const year = Number(el<HTMLInputElement>("templateYear").value) || defaultAppraisalYear();
    const formulas = el<HTMLSelectElement>("templateFormulas").value === "kh" ? "kh" : "native";
    const rs = resolveRuleset(rulesetInForceId());
    await withEventsOff((ctx) => writeTemplateSheets(ctx, buildTemplate(rs, { year, formulas })));
    return textOf(lang).templateMade(rs.id, year);
  });

/** 回收汇总: the files read and checked in the page (a chunk loaded now), then the sheets written at once. */
async function collectFiles(files: File[]): Promise<void> {
  if (!files.length) return;
  const t = textOf(lang);
  const signal = { aborted: false };
  running = signal;
  busy(true);
  const list = el("mergeStatus");
  list.replaceChildren();
  try {
    const { collect } = await import(/* webpackChunkName: "collect" */ "./merge/collect");
    const merged = await collect(
      files.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() })),
      {
        ruleset: resolveRuleset(rulesetInForceId()),
        named: savedRuleset !== null,
        lang,
        at: stamp(new Date()),
        signal,
        onFile: (done, total, name) => progress(done, total, t.merging(done, total, name)),
      },
    );
    list.replaceChildren(
      ...merged.statuses.map((s) =>
        s.status === "unusable"
          ? h(
              "li",
              { className: "unusable", data: { file: s.file } },
              `✗ ${s.file}：${lang === "zh" ? s.error : s.errorEn}`,
            )
          : h(
              "li",
              { data: { file: s.file } },
              t.mergeLine(s.file, s.units, s.rows, s.summary.errors, s.summary.warnings),
            ),
      ),
      // A copy picked twice, an earlier 汇总: passed over, said why.
      ...merged.skipped.map((s) =>
        h(
          "li",
          { className: "skipped", data: { file: s.file } },
          lang === "zh" ? `– ${s.file}：${s.reason}` : `– ${s.file}: ${s.reasonEn}`,
        ),
      ),
    );
    // Everything was read before anything is written: a cancel leaves no half-written sheet.
    const written = await withEventsOff((ctx) => writeTables(ctx, merged.tables));
    const bad = merged.statuses.filter((s) => s.status === "unusable").length;
    running = null;
    busy(false);
    await validate(); // the consolidated workbook, checked like any other
    setStatus(
      t.merged(
        merged.statuses.length - bad,
        bad,
        written.map((w) => w.name),
      ),
    );
  } catch (e) {
    showError(e);
  } finally {
    running = null;
    busy(false);
  }
}

const clock = (d: Date) =>
  [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

function onLiveUpdate(u: LiveUpdate): void {
  last = { read: u.read, result: u.outcome.result };
  if (liveCheck) markIndex = liveCheck.markIndex; // a full re-read marks afresh
  if (u.outcome.mode === "full") lastFull = u.fullAt;
  renderResults();
  el("liveStatus").textContent = textOf(lang).liveDone(u.outcome.units, u.ms, clock(lastFull ?? u.fullAt));
}

/** (Re)starts listening over the last full reading. */
async function startLive(): Promise<void> {
  if (liveCheck) markIndex = liveCheck.markIndex;
  liveCheck?.stop();
  liveCheck = null;
  if (!last || last.result.problem) return;
  const { read, result } = last;
  const live = new LiveCheck(read.input, result.ruleset, {
    templateFormulas: referenceFor(read.input.sheets, result.ruleset),
  });
  const next = new LiveValidation(live, read, { marks: markIndex, onUpdate: onLiveUpdate, onError: showError });
  liveCheck = next;
  await next.start();
}

async function onLiveChange(): Promise<void> {
  const on = el<HTMLInputElement>("liveOn").checked;
  try {
    await setLive(on);
    if (!on) {
      if (liveCheck) markIndex = liveCheck.markIndex;
      liveCheck?.stop();
      liveCheck = null;
      el("liveStatus").textContent = textOf(lang).liveOff;
      return;
    }
    if (!last) await validate();
    await startLive();
    if (lastFull) el("liveStatus").textContent = textOf(lang).liveDone([], 0, clock(lastFull));
  } catch (e) {
    showError(e);
  }
}

async function goTo(index: number): Promise<void> {
  const f = last?.result.findings[index];
  if (!f) return;
  try {
    say(await Excel.run((ctx) => selectCell(ctx, f.sheet, f.cell)));
  } catch (e) {
    showError(e);
  }
}

async function onRulesetChange(): Promise<void> {
  const id = el<HTMLSelectElement>("ruleset").value;
  try {
    savedRuleset = await applyRuleset(id);
    renderRuleset(id, lang);
    setStatus(textOf(lang).saved);
    if (last) await validate(); // findings under the old rules would mislead
  } catch (e) {
    showError(e);
  }
}

function wire(): void {
  el("ruleset").addEventListener("change", () => void onRulesetChange());
  el("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    renderAll();
  });
  el("validate").addEventListener("click", () => void validate());
  el("cancel").addEventListener("click", () => running && (running.aborted = true));
  el("mark").addEventListener("click", () => void mark());
  el("unmark").addEventListener("click", () => void unmark());
  el("writeReport").addEventListener("click", () => void writeReport());
  el("writeResults").addEventListener("click", () => void writeResults());
  el("makeTemplate").addEventListener("click", () => void makeTemplate());
  el("autoOpen").addEventListener("change", () => void onAutoOpenChange());
  el("liveOn").addEventListener("change", () => void onLiveChange());
  const picker = el<HTMLInputElement>("mergeFiles");
  el("pickFiles").addEventListener("click", () => picker.click());
  picker.addEventListener("change", () => {
    const files = Array.from(picker.files ?? []);
    picker.value = "";
    void collectFiles(files);
  });
  const zone = el("dropZone");
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    void collectFiles(Array.from(e.dataTransfer?.files ?? []));
  });
  el("dist").addEventListener("click", (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>(".dist-row[data-unit]");
    if (!row?.dataset.unit) return;
    filter = { ...filter, unit: row.dataset.unit };
    renderResults();
  });
  const refilter = () => {
    filter = {
      severity: el<HTMLSelectElement>("fSeverity").value as Filter["severity"],
      unit: el<HTMLSelectElement>("fUnit").value,
      rule: el<HTMLSelectElement>("fRule").value,
    };
    groupBy = el<HTMLSelectElement>("groupBy").value as GroupBy;
    renderResults();
  };
  for (const id of ["fSeverity", "fUnit", "fRule", "groupBy"]) el(id).addEventListener("change", refilter);
  el("units").addEventListener("click", (e) => {
    const row = (e.target as HTMLElement).closest("tr");
    if (!row?.dataset.unit) return;
    filter = { ...filter, unit: row.dataset.unit };
    renderResults();
  });
  el("groups").addEventListener("click", (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>(".finding[data-index]");
    if (item && item.getAttribute("aria-disabled") !== "true") void goTo(Number(item.dataset.index));
  });
  // Never a blank pane: whatever escapes is said where the user looks.
  window.addEventListener("error", (e) => showError(e.error ?? e.message));
  window.addEventListener("unhandledrejection", (e) => showError(e.reason));
}

Office.onReady(() => {
  env = describeEnvironment(probeHost());
  savedRuleset = loadRulesetSetting();
  el<HTMLInputElement>("autoOpen").checked = autoOpenSetting();
  el<HTMLInputElement>("templateYear").value = String(defaultAppraisalYear());
  wire();
  renderAll();
  document.body.dataset.ready = "1";
  performance.mark("kaohe:ready");
  // Saved on in this workbook: check it and listen, the pane open or not (shared runtime).
  if (liveSetting() && featureOn(env, "live")) {
    el<HTMLInputElement>("liveOn").checked = true;
    void onLiveChange();
  }
});
