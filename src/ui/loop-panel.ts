/**
 * What the pane shows of the loop after the check (issue 21): the record of past years it holds, the copies
 * to send back (one button per file), and a resubmission compared with the first.
 */
import type { Diff } from "../diff/diff";
import { diffText } from "../tables/diff-text";
import { el, h } from "./dom";
import { textOf } from "./i18n";
import type { RecordFileStatus } from "./record-files";
import type { Lang } from "./view-model";

/** Lines of a comparison shown at most; the download (or the sheets) hold them all. */
const MAX_LINES = 300;

export function renderHistory(files: RecordFileStatus[], text: (s: RecordFileStatus) => string): void {
  el("historyStatus").replaceChildren(
    ...files.map((s) => h("li", { className: s.status === "unusable" ? "unusable" : "" }, text(s))),
  );
  el("clearHistory").hidden = files.length === 0;
}

/** One download button per file that has findings, named as the copy will be. */
export function renderAnnotate(
  copies: ({ file: string; name: string } | { file: string; name: null; reason: string })[],
  lang: Lang,
): void {
  const t = textOf(lang);
  el("annotateBox").hidden = copies.length === 0;
  el("annotateZip").textContent = t.annotateZip;
  el("annotateZip").hidden = !copies.some((c) => c.name !== null);
  el("annotateList").replaceChildren(
    ...copies.map((c) =>
      c.name === null
        ? h("li", { className: "annotate-none" }, `${c.file.replace(/^.*[\\/]/, "")}：${c.reason}`)
        : h(
            "li",
            {},
            h(
              "button",
              { className: "annotate-one", attrs: { type: "button" }, data: { file: c.file } },
              `⤓ ${c.name}`,
            ),
          ),
    ),
  );
}

export function renderDiff(d: Diff, names: { before: string; after: string }, lang: Lang): void {
  const t = textOf(lang);
  const s = d.summary;
  el("diffStatus").textContent = [
    t.diffSummary(s.changed, s.fields, s.unasked, s.added, s.removed),
    t.diffFindings(s.fixed, s.still, s.new),
  ].join("\n");
  const lines = diffText(names.before, names.after, d, lang).slice(2);
  const unasked = lang === "zh" ? "〔未被要求〕" : "[not asked for]";
  el("diffList").replaceChildren(
    ...lines.slice(0, MAX_LINES).map((l) => h("li", { className: l.includes(unasked) ? "unasked" : "" }, l.trim())),
    ...(lines.length > MAX_LINES ? [h("li", {}, t.more(lines.length - MAX_LINES))] : []),
  );
}
