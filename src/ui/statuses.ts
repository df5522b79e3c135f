/** One line per collected file: what was found in it, or why it could not be used. */
import type { Skipped } from "../batch/intake";
import type { FileStatus } from "../tables/merge";
import { el, h } from "./dom";
import { textOf } from "./i18n";
import type { Lang } from "./view-model";

/** One line per file, and one per file passed over (a copy picked twice, an earlier 汇总) saying why. */
export function renderStatuses(statuses: FileStatus[], skipped: Skipped[], lang: Lang): void {
  const t = textOf(lang);
  el("mergeStatus").replaceChildren(
    ...statuses.map((s) =>
      s.status === "unusable"
        ? h(
            "li",
            { className: "unusable", data: { file: s.file } },
            `✗ ${s.file}：${lang === "zh" ? s.error : s.errorEn}`,
          )
        : h(
            "li",
            { data: { file: s.file } },
            t.mergeLine(s.label?.[lang] ?? s.file, s.units, s.rows, s.summary.errors, s.summary.warnings),
          ),
    ),
    ...skipped.map((s) =>
      h(
        "li",
        { className: "skipped", data: { file: s.file } },
        lang === "zh" ? `– ${s.file}：${s.reason}` : `– ${s.file}: ${s.reasonEn}`,
      ),
    ),
  );
}
