/**
 * After the check, the loop (issue 21) in the one UI: 退回修改件 for the files of the last 回收汇总, 往年结果
 * (the record every later check fills and checks history against) and 与上次报送比较. The pane owns the
 * workbook and the check; this part owns what the loop picked and made, and reaches the pane through
 * LoopContext.
 */
import type { CheckResult, PastRecord, ResolvedRuleset } from "../engine";
import { stamp, type Table } from "../tables/table";
import { annotatedName, notAnnotatable } from "../xlsx/annotate/name";
import type { Collected } from "./collect";
import { pageFiles } from "./download";
import { el } from "./dom";
import type { FileOutput, Host, Picked, Written } from "./host";
import { textOf } from "./i18n";
import { renderAnnotate, renderDiff, renderHistory } from "./loop-panel";
import type { Lang } from "./view-model";

export interface LoopContext {
  readonly host: Host;
  lang(): Lang;
  ruleset(): ResolvedRuleset;
  /** A ruleset chosen in the pane counts as named (as `--ruleset`). */
  rulesetNamed(): boolean;
  /** Runs a write with the pane busy; its line, or the failure, said in the pane. */
  act(work: () => Promise<string>): Promise<void>;
  busy(on: boolean): void;
  setStatus(text: string, error?: boolean): void;
  showError(e: unknown): void;
  /** Checks the open workbook again (a host with one). */
  validate(): Promise<void>;
  /** The last check of the open workbook, when it could be checked. */
  lastResult(): CheckResult | null;
  /** 回收汇总 of these files again (the app, where no workbook is open). */
  collect(picks: Picked[]): Promise<void>;
  wroteLine(w: Written, wanted: string): string;
}

export class Loop {
  /** The record of past years picked as 往年结果: every check fills and checks history against it. */
  record: PastRecord | null = null;
  /** The last 回收汇总 and its picks, read again for the copies sent back. */
  private collected: { result: Collected; picks: Picked[] } | null = null;
  /** 与上次报送比较: the first submission picked (and, in the app, the resubmission). */
  private diffPicks: { before: Picked | null; after: Picked | null } = { before: null, after: null };
  private diffTables: Table[] | null = null;

  constructor(private readonly ctx: LoopContext) {}

  private get t() {
    return textOf(this.ctx.lang());
  }

  /** Where files the UI makes go: the host's (the app's downloads), else a download from the pane's page. */
  files(): FileOutput {
    return this.ctx.host.files ?? pageFiles();
  }

  /** A 回收汇总 was made: its files with findings are offered as copies to send back. */
  collectedNow(result: Collected, picks: Picked[]): void {
    this.collected = { result, picks };
    this.renderCopies();
  }

  private withFindings(): Collected["checked"] {
    return (this.collected?.result.checked ?? []).filter((c) => c.result.findings.length > 0);
  }

  /** The files of the last 回收汇总 that have findings: each gets a copy to send back (.xlsx/.xlsm only). */
  private annotatable(): Collected["checked"] {
    return this.withFindings().filter((c) => !notAnnotatable(c.file, c.format));
  }

  renderCopies(): void {
    const lang = this.ctx.lang();
    renderAnnotate(
      this.withFindings().map((c) => {
        const legacy = notAnnotatable(c.file, c.format);
        return legacy
          ? { file: c.file, name: null, reason: lang === "zh" ? legacy.zh : legacy.en }
          : { file: c.file, name: annotatedName(c.file) };
      }),
      lang,
    );
  }

  /** 退回修改件: each file's copy for its unit, read again from its pick (one file, or all as a .zip). */
  annotate(only?: string): Promise<void> {
    return this.ctx.act(async () => {
      const collected = this.collected;
      if (!collected) return "";
      const targets = this.annotatable().filter((c) => only === undefined || c.file === only);
      const picks = new Map(collected.picks.map((p) => [p.name, p]));
      const writers = await import(/* webpackChunkName: "copies" */ "./copies");
      const at = stamp(new Date());
      const copies: { name: string; bytes: Uint8Array }[] = [];
      for (const c of targets) {
        const pick = picks.get(c.file);
        if (pick) copies.push(writers.annotated(new Uint8Array(await pick.bytes()), c, at));
      }
      if (!copies.length) return "";
      const t = this.t;
      const [name, bytes] =
        only !== undefined ? [copies[0].name, copies[0].bytes] : [t.annotateZipFile, writers.zipped(copies)];
      this.files().save(name, bytes);
      return [t.annotated(copies.length), t.downloaded(name)].join("\n");
    });
  }

  /** 往年结果: past workbooks read as the record; the open workbook (or the app's files) checked again with it. */
  async pickHistory(files: Picked[]): Promise<void> {
    if (!files.length) return;
    const t = this.t;
    this.ctx.busy(true);
    try {
      const { readRecord, recordStatusText } = await import(/* webpackChunkName: "collect" */ "./record-files");
      const read = await readRecord(files, this.ctx.ruleset(), this.ctx.rulesetNamed());
      renderHistory(read.files, (s) => recordStatusText(s, this.ctx.lang()));
      const used = read.files.filter((f) => f.status === "used");
      this.record = used.length ? read.record : null;
      const years = [...new Set(used.map((f) => f.year))].sort().join("、");
      this.ctx.setStatus(used.length ? t.historyLoaded(used.length, years) : t.historyNone, !used.length);
    } catch (e) {
      this.ctx.showError(e);
    } finally {
      this.ctx.busy(false);
    }
    await this.recheck();
  }

  async clearHistory(): Promise<void> {
    this.record = null;
    renderHistory([], () => "");
    this.ctx.setStatus(this.t.historyCleared);
    await this.recheck();
  }

  /** What was shown is checked again under the record as it now stands. */
  private async recheck(): Promise<void> {
    if (this.ctx.host.workbook) {
      if (this.ctx.lastResult()) await this.ctx.validate();
    } else if (this.collected) await this.ctx.collect(this.collected.picks);
  }

  /** 与上次报送比较: with a workbook open, the first submission against it; in the app, two files. */
  async pickDiff(which: "before" | "after", file: Picked | undefined): Promise<void> {
    if (!file) return;
    this.diffPicks[which] = file;
    const { before, after } = this.diffPicks;
    const t = this.t;
    if (!before || (!this.ctx.host.workbook && !after)) {
      el("diffStatus").textContent = before ? t.diffWaiting(before.name) : "";
      return;
    }
    const named = this.ctx.rulesetNamed();
    const wb = this.ctx.host.workbook;
    if (wb) await this.ctx.validate();
    await this.ctx.act(async () => {
      const lang = this.ctx.lang();
      const { readChecked, compare } = await import(/* webpackChunkName: "collect" */ "./compare");
      const say = (u: { file: string; error: string; errorEn: string }) =>
        t.diffUnusable(u.file, lang === "zh" ? u.error : u.errorEn);
      const first = await readChecked(before, this.ctx.ruleset(), named, this.record);
      if ("status" in first) return say(first);
      let second: CheckResult;
      if (wb) {
        const last = this.ctx.lastResult();
        if (!last) return "";
        second = last;
      } else {
        const read = await readChecked(after!, this.ctx.ruleset(), named, this.record);
        if ("status" in read) return say(read);
        second = read.result;
      }
      const names = { before: before.name, after: wb ? t.thisWorkbook : after!.name };
      const { diff, tables } = compare(first.result, second, names, lang, stamp(new Date()), Boolean(wb));
      renderDiff(diff, names, lang);
      this.diffTables = tables;
      el("downloadDiff").hidden = Boolean(wb);
      if (!wb) return "";
      const written = await wb.writeTables(tables);
      return written.map((w, i) => this.ctx.wroteLine(w, tables[i].name)).join("\n");
    });
  }

  downloadDiff(): Promise<void> {
    return this.ctx.act(async () => {
      const tables = this.diffTables;
      if (!tables) return "";
      const { writers } = await this.files().tools();
      this.files().save(this.t.diffFile, await writers.diff(tables));
      return this.t.downloaded(this.t.diffFile);
    });
  }

  /** The loop's buttons and pickers. */
  wire(on: (id: string, event: string, fn: (e: Event) => void) => void): void {
    const asPicked = (f: File): Picked => ({ name: f.webkitRelativePath || f.name, bytes: () => f.arrayBuffer() });
    const picker = (button: string, input: string, then: (files: Picked[]) => void) => {
      const box = el<HTMLInputElement>(input);
      on(button, "click", () => box.click());
      box.addEventListener("change", () => {
        const files = Array.from(box.files ?? []).map(asPicked);
        box.value = "";
        then(files);
      });
    };
    picker("pickHistory", "historyFiles", (files) => void this.pickHistory(files));
    picker("pickDiffBefore", "diffBefore", (files) => void this.pickDiff("before", files[0]));
    picker("pickDiffAfter", "diffAfter", (files) => void this.pickDiff("after", files[0]));
    on("clearHistory", "click", () => void this.clearHistory());
    on("annotateZip", "click", () => void this.annotate());
    on("annotateList", "click", (e) => {
      const file = (e.target as HTMLElement).closest<HTMLElement>("button[data-file]")?.dataset.file;
      if (file !== undefined) void this.annotate(file);
    });
    on("downloadDiff", "click", () => void this.downloadDiff());
  }
}
