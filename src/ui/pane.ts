/**
 * The one UI, over whatever host it runs in (ui/host.ts): Excel's task pane, WPS's pane or the browser
 * app. It checks the open workbook where there is one, collects returned files everywhere, and writes
 * its tables into the workbook or hands them out as files. One engine: the findings are `kaohe check`'s.
 */
import {
  checkWorkbook,
  distribution,
  LiveCheck,
  resolveRuleset,
  rulesetForWorkbook,
  type CheckResult,
  type ResolvedRuleset,
} from "../engine";
import { rulesetInForceId, setRulesetInForce } from "../functions/ruleset-in-force";
import { reportTable } from "../tables/report";
import { stamp } from "../tables/table";
import { buildTemplate, defaultAppraisalYear } from "../template/spec";
import { referenceFor } from "../template/reference";
import { renderDistribution } from "./distribution-panel";
import { el } from "./dom";
import { renderEnvironment } from "./environment-panel";
import { featureOn, type Environment, type Said } from "./environment";
import { renderFindings } from "./findings-panel";
import { renderNameFix, uncomputedKh } from "./name-fix";
import { functionItems } from "./functions-list";
import type { FileTools, Host, LiveSession, LiveUpdate, Picked, Uncomputed, WorkbookRead, Written } from "./host";
import { Loop } from "./loop";
import { textOf } from "./i18n";
import { Cancelled } from "./progress";
import { renderRuleset } from "./ruleset-panel";
import { announcedOf, resultTablesFor } from "./results";
import { shownFindings, totalSummary, type CheckedEntry, type Filter, type GroupBy, type Lang } from "./view-model";
import type { Collected } from "./collect";
import { renderStatuses } from "./statuses";
import { renderSelfTest } from "./self-test-panel";
import { runSelfTest, selfTestText, type SelfTestLine } from "./self-test";

const ACTIONS = [
  "selfTest",
  "validate",
  "mark",
  "unmark",
  "writeReport",
  "writeResults",
  "ruleset",
  "makeTemplate",
  "pickFiles",
  "pickFolder",
  "writeMerged",
  "rulesetFile",
  "reenter",
  "pickHistory",
  "clearHistory",
  "annotateZip",
  "pickDiffBefore",
  "pickDiffAfter",
  "downloadDiff",
];

/** Lets the page paint between stages. */
const frame = () => new Promise<void>((r) => setTimeout(r, 0));

const clock = (d: Date) =>
  [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

export class Pane {
  private lang: Lang = "zh";
  /** The open workbook's last check (hosts with a workbook). */
  private last: { read: WorkbookRead; result: CheckResult } | null = null;
  /** The files last collected (the browser app shows their findings; Excel and WPS write their tables). */
  private batch: Collected | null = null;
  private filter: Filter = { severity: "", unit: "", rule: "", file: "" };
  private groupBy: GroupBy = "unit";
  private running: { aborted: boolean } | null = null;
  /** The ruleset saved in the workbook's settings; without one, a 规则 sheet's ruleset applies. */
  private savedRuleset: string | null = null;
  /** A ruleset loaded from a JSON file (the browser app), in force instead of a built-in one. */
  private fileRuleset: ResolvedRuleset | null = null;
  private live: LiveSession | null = null;
  private lastFull: Date | null = null;
  private selfTestLines: SelfTestLine[] = [];
  /** KH cells showing #NAME? in the last reading, offered to be re-entered. */
  private uncomputed: Uncomputed[] = [];
  private readonly env: Environment;

  /** 退回修改件, 往年结果 and 与上次报送比较 (ui/loop.ts). */
  private readonly loop: Loop;

  constructor(private readonly host: Host) {
    this.loop = new Loop({
      host,
      lang: () => this.lang,
      ruleset: () => this.ruleset(),
      rulesetNamed: () => this.rulesetNamed(),
      act: (work) => this.act(work),
      busy: (on) => this.busy(on),
      setStatus: (text, error) => this.setStatus(text, error),
      showError: (e) => this.showError(e),
      validate: () => this.validate(),
      lastResult: () => (this.last && !this.last.result.problem ? this.last.result : null),
      collect: (picks) => this.collectPicked(picks),
      wroteLine: (w, wanted) => this.wroteLine(w, wanted),
    });
    this.env = host.environment();
  }

  private get t() {
    return textOf(this.lang);
  }

  /** The ruleset the UI checks with: one loaded from a file, else the one in force. */
  ruleset(): ResolvedRuleset {
    return this.fileRuleset ?? resolveRuleset(rulesetInForceId());
  }

  /** A ruleset chosen in the pane counts as named (as `--ruleset`): a file carrying another is A02. */
  private rulesetNamed(): boolean {
    return this.savedRuleset !== null || this.fileRuleset !== null;
  }

  start(): void {
    const h = this.host;
    document.body.dataset.host = h.kind;
    if (!h.workbook) {
      // The browser app's main work is the files: they come first, the downloads open.
      el("daily").insertBefore(el("filesBox"), el("progress"));
      el<HTMLDetailsElement>("superiorBox").open = true;
    }
    this.savedRuleset = h.settings.ruleset();
    el<HTMLInputElement>("autoOpen").checked = h.settings.autoOpen();
    el<HTMLInputElement>("templateYear").value = String(defaultAppraisalYear());
    this.wire();
    this.renderAll();
    document.body.dataset.ready = "1";
    performance.mark("kaohe:ready");
    // Saved on in this workbook: check it and listen, the pane open or not (shared runtime).
    if (h.workbook && h.settings.live() && featureOn(this.env, "live")) {
      el<HTMLInputElement>("liveOn").checked = true;
      void this.onLiveChange();
    }
  }

  private setStatus(text: string, error = false): void {
    const s = el("status");
    s.textContent = text;
    s.className = error ? "status error" : "status";
  }

  private showError(e: unknown): void {
    this.setStatus(this.host.describeError(e)[this.lang], !(e instanceof Cancelled));
  }

  private say(s: Said | null): void {
    if (s) this.setStatus(s[this.lang], true);
  }

  private busy(on: boolean): void {
    for (const id of ACTIONS) {
      const b = document.getElementById(id) as HTMLButtonElement | null;
      if (b) b.disabled = on;
    }
    el("cancel").hidden = !on;
    el("progress").hidden = !on;
  }

  private progress(done: number, total: number, text: string): void {
    el<HTMLProgressElement>("progress").value = total ? (100 * done) / total : 0;
    this.setStatus(text);
  }

  renderAll(): void {
    const t = this.t;
    const files = !this.host.workbook;
    document.documentElement.lang = this.lang === "zh" ? "zh-CN" : "en";
    const words: [string, string][] = [
      ["title", files ? t.appTitle : t.title],
      ["lang", t.other],
      ["validate", t.validate],
      ["cancel", t.cancel],
      ["mark", t.mark],
      ["unmark", t.unmark],
      ["writeReport", files ? t.downloadReport : t.writeReport],
      ["writeResults", files ? t.downloadResults : t.writeResults],
      ["writeMerged", t.downloadMerged],
      ["announcedLabel", t.announced],
      ["makeTemplate", files ? t.downloadTemplate : t.makeTemplate],
      ["templateYearLabel", t.templateYear],
      ["templateFormulasLabel", t.templateFormulas],
      ["formulasNative", t.formulasNative],
      ["formulasKh", t.formulasKh],
      ["autoOpenLabel", t.autoOpen],
      ["dailyTitle", files ? t.filesTitle : t.dailyTitle],
      ["superiorTitle", files ? t.outputsTitle : t.superiorTitle],
      ["pickFiles", files ? t.pickFilesApp : t.pickFiles],
      ["pickFolder", t.pickFolder],
      ["rulesetFile", t.rulesetFile],
      ["dropZone", t.dropZone],
      ["liveLabel", t.live],
      ["functionsTitle", t.functions],
      ["selfTest", t.selfTest],
      ["selfTestCopy", t.selfTestCopy],
      ["reenter", t.reenter],
      ["pickHistory", t.pickHistory],
      ["clearHistory", t.clearHistory],
      ["diffTitle", t.diffTitle],
      ["pickDiffBefore", t.pickDiffBefore],
      ["pickDiffAfter", t.pickDiffAfter],
      ["downloadDiff", t.downloadDiff],
    ];
    for (const [id, text] of words) el(id).textContent = text;
    el<HTMLInputElement>("announced").placeholder = t.datePlaceholder;
    el("announced").title = el("announcedLabel").title = t.announcedTip;
    el("liveLabel").parentElement!.title = t.liveTip;
    el("pickHistory").title = t.historyTip;
    this.loop.renderCopies();
    el("functions").replaceChildren(...functionItems());
    renderRuleset(this.ruleset(), this.lang, this.fileRuleset !== null);
    renderEnvironment(this.env, this.lang);
    renderNameFix(this.uncomputed, t.nameFix);
    this.renderFeatureSwitches();
    this.renderResults();
  }

  /** Features this host lacks are switched off where they are offered, with the reason as their tooltip. */
  private renderFeatureSwitches(): void {
    const files = !this.host.workbook;
    // Without an open workbook (the browser app) there is nothing to check in place, mark or open with.
    for (const id of ["validate", "liveBox", "mark", "unmark", "autoOpenBox"]) el(id).hidden = files;
    el("functionsBox").hidden = !this.hasFunctions();
    el("selfTestBox").hidden = !this.host.selfTest;
    el("pickFolder").hidden = !files;
    el("writeMerged").hidden = !files;
    el("rulesetFileBox").hidden = !files;
    // With a workbook open, the resubmission is that workbook; the app picks it as a file.
    el("pickDiffAfter").hidden = !files;
    if (!this.env.inOffice) return; // a plain browser page offers what it can, as it is
    const functions = this.env.features.find((f) => f.id === "functions");
    const kh = el<HTMLOptionElement>("formulasKh");
    kh.disabled = !featureOn(this.env, "functions");
    kh.title = functions && !functions.on ? functions.why[this.lang] : "";
    if (kh.disabled) el<HTMLSelectElement>("templateFormulas").value = "native";
    const autoOpen = this.env.features.find((f) => f.id === "autoOpen");
    const box = el<HTMLInputElement>("autoOpen");
    box.disabled = !autoOpen?.on;
    box.title = autoOpen && !autoOpen.on ? autoOpen.why[this.lang] : "";
  }

  /** The KH list is shown where the functions can run: a spreadsheet host (Excel, WPS). */
  private hasFunctions(): boolean {
    return this.host.kind !== "browser";
  }

  /** What the results section shows: the open workbook's check, or every collected file's. */
  private entries(): CheckedEntry[] {
    if (this.host.workbook) return this.last ? [{ file: null, result: this.last.result }] : [];
    return (this.batch?.checked ?? []).map((c) => ({ file: c.file, result: c.result }));
  }

  private renderResults(): void {
    const entries = this.entries();
    const shown = this.host.workbook ? this.last !== null : this.batch !== null;
    el("results").hidden = !shown;
    if (!shown) return;
    const sheets = new Set(this.last?.read.sheets.map((s) => s.name) ?? []);
    renderFindings({
      findings: shownFindings(entries, this.lang),
      summary: totalSummary(entries),
      filter: this.filter,
      groupBy: this.groupBy,
      lang: this.lang,
      canGo: (f) => Boolean(this.host.workbook) && f.file === undefined && sheets.has(f.sheet) && /\d/.test(f.cell),
    });
    const dist = this.host.workbook
      ? this.last && !this.last.result.problem
        ? distribution(this.last.result.model, this.last.result.ruleset)
        : null
      : (this.batch?.merged.distribution ?? null);
    renderDistribution(dist, this.lang);
  }

  /** Checks the open workbook. */
  async validate(): Promise<void> {
    const wb = this.host.workbook;
    if (!wb) return;
    const t = this.t;
    const signal = { aborted: false };
    this.running = signal;
    this.busy(true);
    try {
      const read = await wb.read({
        signal,
        onProgress: (_stage, done, total) => this.progress(done, total, t.reading(done, total)),
      });
      this.progress(1, 1, t.checking);
      await frame();
      if (signal.aborted) throw new Cancelled();
      const ruleset = rulesetForWorkbook(read.input.sheets, this.ruleset(), this.savedRuleset !== null);
      const options = { templateFormulas: referenceFor(read.input.sheets, ruleset), record: this.loop.record };
      // With 边填边查 on, its incremental check is built on this reading: the workbook is checked once, not twice.
      const check = this.live ? new LiveCheck(read.input, ruleset, options) : null;
      const result = check ? check.result : checkWorkbook(read.input, ruleset, options);
      this.last = { read, result };
      this.lastFull = new Date();
      if (this.live) await this.startLive(check); // follow the new reading
      this.filter = { severity: "", unit: "", rule: "", file: "" };
      this.renderResults();
      this.uncomputed = wb.reenterFormulas ? uncomputedKh(read) : [];
      renderNameFix(this.uncomputed, t.nameFix);
      const hidden = read.sheets.filter((s) => s.visibility !== "Visible" && !s.owned && s.rows > 0).map((s) => s.name);
      const lines = [result.problem ? result.problem[this.lang] : result.findings.length ? "" : t.noFindings];
      for (const note of read.notes ?? []) lines.push(note[this.lang]);
      if (hidden.length) lines.push(t.hiddenRead(hidden.join("、")));
      if (ruleset.id !== this.ruleset().id) lines.push(t.carried(ruleset.id));
      this.setStatus(lines.filter(Boolean).join("\n"), Boolean(result.problem));
    } catch (e) {
      this.showError(e);
    } finally {
      this.running = null;
      this.busy(false);
    }
  }

  /** Runs a write with the pane busy and any failure said in the pane. */
  private async act(work: () => Promise<string>): Promise<void> {
    this.busy(true);
    this.setStatus(this.t.writing);
    try {
      this.setStatus(await work());
    } catch (e) {
      this.showError(e);
    } finally {
      this.busy(false);
    }
  }

  private wroteLine(w: Written, wanted: string): string {
    return w.renamed ? this.t.renamed(w.name, wanted) : this.t.wrote(w.name);
  }

  private readonly mark = () =>
    this.act(async () => {
      const wb = this.host.workbook;
      if (!this.last || !wb) return "";
      const r = await wb.mark(this.last.result.findings, this.last.read.sheets);
      return [this.t.marked(r.marked), ...r.protectedSheets.map((p) => this.t.protectedSkipped(p.sheet, p.cells))].join(
        "\n",
      );
    });

  private readonly unmark = () => this.act(async () => this.t.cleared((await this.host.workbook?.clearMarks()) ?? 0));

  /** KH cells stuck at #NAME?, written again (the host unprotects and protects again as it was). */
  private readonly reenter = () =>
    this.act(async () => {
      const wb = this.host.workbook;
      if (!wb?.reenterFormulas || !this.uncomputed.length) return "";
      const n = await wb.reenterFormulas(this.uncomputed);
      this.uncomputed = [];
      renderNameFix([], this.t.nameFix);
      return this.t.reentered(n);
    });

  /** The host does not report every edit: with 边填边查 on, what is written rests on a full check. */
  private async freshForWriting(): Promise<void> {
    if (this.live) await this.validate();
  }

  /** Hands out a file made by the writers (a chunk loaded on first use). */
  private async saveFile(name: string, make: (w: FileTools["writers"]) => Promise<Uint8Array>): Promise<string> {
    const files = this.host.files;
    if (!files) return "";
    files.save(name, await make((await files.tools()).writers));
    return this.t.downloaded(name);
  }

  private readonly writeReport = () =>
    this.act(async () => {
      const wb = this.host.workbook;
      if (!wb) {
        const batch = this.batch;
        if (!batch) return "";
        return this.saveFile(this.t.reportFile, (w) => w.report(batch.files, this.lang));
      }
      await this.freshForWriting();
      if (!this.last) return "";
      const table = reportTable(this.last.result, this.lang, stamp(new Date()));
      return this.wroteLine((await wb.writeTables([table]))[0], table.name);
    });

  private readonly writeResults = () =>
    this.act(async () => {
      const t = this.t;
      // Typed, not a date picker: a picker shows the browser's locale; 2026年1月15日 and 2026-01-15 both read.
      const date = el<HTMLInputElement>("announced").value.trim();
      const announced = announcedOf(date);
      if (announced === "bad") return t.badDate(date);
      const wb = this.host.workbook;
      if (!wb) {
        const batch = this.batch;
        if (!batch) return "";
        return this.saveFile(t.resultsFile, (w) => w.results(batch.files, this.lang, announced));
      }
      await this.freshForWriting();
      if (!this.last) return "";
      const [list, talks] = resultTablesFor(this.last.result, this.lang, announced);
      const [a, b] = await wb.writeTables([list, talks]);
      return [
        this.wroteLine(a, list.name),
        this.wroteLine(b, talks.name),
        t.results(list.rows.length, talks.rows.length),
      ].join("\n");
    });

  private readonly writeMerged = () =>
    this.act(async () => {
      const batch = this.batch;
      if (!batch) return "";
      return this.saveFile(this.t.mergedFile, (w) => w.merged(batch.merged.tables));
    });

  private readonly makeTemplate = () =>
    this.act(async () => {
      const year = Number(el<HTMLInputElement>("templateYear").value) || defaultAppraisalYear();
      const formulas = el<HTMLSelectElement>("templateFormulas").value === "kh" ? "kh" : "native";
      const rs = this.ruleset();
      const template = buildTemplate(rs, { year, formulas });
      const wb = this.host.workbook;
      if (!wb) return this.saveFile(this.t.templateFile(year, formulas), (w) => w.template(template));
      const opened = await wb.writeTemplate(template);
      return opened ? this.t.templateOpened(rs.id, year, opened.path) : this.t.templateMade(rs.id, year);
    });

  /** The host's own file dialog where it has one (WPS), else the page's file input. */
  private async pick(input: HTMLInputElement): Promise<void> {
    const picked = this.host.pickFiles ? await this.host.pickFiles().catch(() => null) : null;
    if (picked === null) input.click();
    else await this.collectPicked(picked);
  }

  /** 回收汇总 of files chosen in the page (file input, folder, drop). */
  collectFiles(files: File[]): Promise<void> {
    return this.collectPicked(
      files.map((f) => ({ name: f.webkitRelativePath || f.name, bytes: () => f.arrayBuffer() })),
    );
  }

  /** 回收汇总: the files read and checked in the page (a chunk loaded now), then written or shown. */
  private async collectPicked(files: Picked[]): Promise<void> {
    if (!files.length) return;
    const t = this.t;
    const signal = { aborted: false };
    this.running = signal;
    this.busy(true);
    el("mergeStatus").replaceChildren();
    try {
      const { collect } = await import(/* webpackChunkName: "collect" */ "./collect");
      const collected = await collect(files, {
        ruleset: this.ruleset(),
        named: this.rulesetNamed(),
        lang: this.lang,
        at: stamp(new Date()),
        signal,
        record: this.loop.record,
        onFile: (done, total, name) => this.progress(done, total, t.merging(done, total, name)),
      });
      renderStatuses(collected.merged.statuses, collected.merged.skipped, this.lang);
      this.loop.collectedNow(collected, files);
      const bad = collected.unusable.length;
      const wb = this.host.workbook;
      if (!wb) {
        this.batch = collected;
        this.filter = { severity: "", unit: "", rule: "", file: "" };
        this.renderResults();
        this.setStatus(t.checkedFiles(collected.checked.length, bad));
        return;
      }
      // Everything was read before anything is written: a cancel leaves no half-written sheet.
      const written = await wb.writeTables(collected.merged.tables);
      this.running = null;
      this.busy(false);
      await this.validate(); // the consolidated workbook, checked like any other
      this.setStatus(
        t.merged(
          collected.merged.statuses.length - bad,
          bad,
          written.map((w) => w.name),
        ),
      );
    } catch (e) {
      this.showError(e);
    } finally {
      this.running = null;
      this.busy(false);
    }
  }

  private onLiveUpdate(u: LiveUpdate): void {
    this.last = { read: u.read, result: u.outcome.result };
    if (u.outcome.mode === "full") this.lastFull = u.fullAt;
    this.renderResults();
    el("liveStatus").textContent = this.t.liveDone(u.outcome.units, u.ms, clock(this.lastFull ?? u.fullAt));
  }

  /** (Re)starts listening over the last full reading; `built`: its incremental check, when validate made it. */
  private async startLive(built: LiveCheck | null = null): Promise<void> {
    this.live?.stop();
    this.live = null;
    const wb = this.host.workbook;
    if (!wb || !this.last || this.last.result.problem) return;
    const { read, result } = this.last;
    const check =
      built ??
      new LiveCheck(read.input, result.ruleset, {
        templateFormulas: referenceFor(read.input.sheets, result.ruleset),
        record: this.loop.record,
      });
    this.live = await wb.startLive(check, read, {
      onUpdate: (u) => this.onLiveUpdate(u),
      onError: (e) => this.showError(e),
    });
  }

  private async onLiveChange(): Promise<void> {
    const on = el<HTMLInputElement>("liveOn").checked;
    try {
      await this.host.settings.saveLive(on);
      if (!on) {
        this.live?.stop();
        this.live = null;
        el("liveStatus").textContent = this.t.liveOff;
        return;
      }
      if (!this.last) await this.validate();
      await this.startLive();
      if (this.lastFull) el("liveStatus").textContent = this.t.liveDone([], 0, clock(this.lastFull));
    } catch (e) {
      this.showError(e);
    }
  }

  /** 自检: every host call the add-in makes, tried for real; the lines can be copied to send to us. */
  private async onSelfTest(): Promise<void> {
    const steps = this.host.selfTest?.();
    if (!steps) return;
    this.busy(true);
    this.setStatus(this.t.selfTesting);
    try {
      this.selfTestLines = await runSelfTest(steps);
      renderSelfTest(this.selfTestLines);
      el("selfTestCopy").hidden = false;
      const failed = this.selfTestLines.filter((l) => !l.ok).length;
      this.setStatus(this.t.selfTested(this.selfTestLines.length - failed, failed), failed > 0);
    } finally {
      this.busy(false);
    }
  }

  private async copySelfTest(): Promise<void> {
    const where = `${this.env.host} · ${this.env.platform} · ${this.env.version}`;
    const text = selfTestText(where, this.selfTestLines);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Webviews without the async clipboard: the old way, through a selected text area.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    this.setStatus(this.t.selfTestCopied);
  }

  private async onAutoOpenChange(): Promise<void> {
    const on = el<HTMLInputElement>("autoOpen").checked;
    try {
      await this.host.settings.saveAutoOpen(on);
      this.setStatus(this.t.autoOpenSaved(on));
    } catch (e) {
      this.showError(e);
    }
  }

  private async goTo(index: number): Promise<void> {
    const wb = this.host.workbook;
    const f = this.last?.result.findings[index];
    if (!f || !wb) return;
    try {
      this.say(await wb.select(f.sheet, f.cell));
    } catch (e) {
      this.showError(e);
    }
  }

  private async onRulesetChange(): Promise<void> {
    const id = el<HTMLSelectElement>("ruleset").value;
    try {
      if (this.host.workbook) {
        await this.host.settings.saveRuleset(id);
        this.savedRuleset = id;
      } else setRulesetInForce(id);
      this.fileRuleset = null;
      renderRuleset(this.ruleset(), this.lang, false);
      this.setStatus(this.host.workbook ? this.t.saved : this.t.rulesetChosen(this.ruleset().title[this.lang]));
      if (this.last) await this.validate(); // findings under the old rules would mislead
    } catch (e) {
      this.showError(e);
    }
  }

  /** A ruleset JSON file (the browser app), validated as `kaohe --ruleset file.json` does. */
  private async onRulesetFile(file: File): Promise<void> {
    try {
      const tools = await this.host.files?.tools();
      if (!tools) return;
      const { rulesetFromText } = tools.rulesetFile;
      this.fileRuleset = rulesetFromText(await file.text(), file.name);
      renderRuleset(this.fileRuleset, this.lang, true);
      this.setStatus(this.t.rulesetLoaded(file.name, this.fileRuleset.id));
    } catch (e) {
      this.setStatus((e as Error).message, true);
    }
  }

  private wire(): void {
    const on = (id: string, event: string, fn: (e: Event) => void) => el(id).addEventListener(event, fn);
    on("ruleset", "change", () => void this.onRulesetChange());
    on("lang", "click", () => {
      this.lang = this.lang === "zh" ? "en" : "zh";
      this.renderAll();
    });
    on("validate", "click", () => void this.validate());
    on("cancel", "click", () => this.running && (this.running.aborted = true));
    on("mark", "click", () => void this.mark());
    on("unmark", "click", () => void this.unmark());
    on("reenter", "click", () => void this.reenter());
    on("writeReport", "click", () => void this.writeReport());
    on("writeResults", "click", () => void this.writeResults());
    on("writeMerged", "click", () => void this.writeMerged());
    on("makeTemplate", "click", () => void this.makeTemplate());
    on("autoOpen", "change", () => void this.onAutoOpenChange());
    on("liveOn", "change", () => void this.onLiveChange());
    on("selfTest", "click", () => void this.onSelfTest());
    on("selfTestCopy", "click", () => void this.copySelfTest());
    const pick = (button: string, input: string) => {
      const picker = el<HTMLInputElement>(input);
      on(button, "click", () => void this.pick(picker));
      picker.addEventListener("change", () => {
        const files = Array.from(picker.files ?? []);
        picker.value = "";
        void this.collectFiles(files);
      });
    };
    pick("pickFiles", "mergeFiles");
    pick("pickFolder", "folderFiles");
    this.loop.wire(on);
    const rulesetPicker = el<HTMLInputElement>("rulesetInput");
    on("rulesetFile", "click", () => rulesetPicker.click());
    rulesetPicker.addEventListener("change", () => {
      const file = rulesetPicker.files?.[0];
      rulesetPicker.value = "";
      if (file) void this.onRulesetFile(file);
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
      void this.collectFiles(Array.from(e.dataTransfer?.files ?? []));
    });
    const byUnit = (unit: string | undefined) => {
      if (!unit) return;
      this.filter = { ...this.filter, unit };
      this.renderResults();
    };
    on("dist", "click", (e) =>
      byUnit((e.target as HTMLElement).closest<HTMLElement>(".dist-row[data-unit]")?.dataset.unit),
    );
    on("units", "click", (e) => byUnit((e.target as HTMLElement).closest("tr")?.dataset.unit));
    const refilter = () => {
      this.filter = {
        severity: el<HTMLSelectElement>("fSeverity").value as Filter["severity"],
        unit: el<HTMLSelectElement>("fUnit").value,
        rule: el<HTMLSelectElement>("fRule").value,
        file: el<HTMLSelectElement>("fFile").value,
      };
      this.groupBy = el<HTMLSelectElement>("groupBy").value as GroupBy;
      this.renderResults();
    };
    for (const id of ["fSeverity", "fUnit", "fRule", "fFile", "groupBy"]) on(id, "change", refilter);
    on("groups", "click", (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>(".finding[data-index]");
      if (item && item.getAttribute("aria-disabled") !== "true") void this.goTo(Number(item.dataset.index));
    });
    // Never a blank pane: whatever escapes is said where the user looks.
    window.addEventListener("error", (e) => this.showError(e.error ?? e.message));
    window.addEventListener("unhandledrejection", (e) => this.showError(e.reason));
  }
}

/** Starts the UI over a host, once the page is loaded. */
export function startPane(host: Host): Pane {
  const pane = new Pane(host);
  pane.start();
  return pane;
}
