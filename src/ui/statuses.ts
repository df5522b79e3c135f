/** One line per collected file: what was found in it, or why it could not be used. */
import type { FileStatus } from "../tables/merge";
import { el, h } from "./dom";
import { textOf } from "./i18n";
import type { Lang } from "./view-model";

export function renderStatuses(statuses: FileStatus[], lang: Lang): void {
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
            t.mergeLine(s.file, s.units, s.rows, s.summary.errors, s.summary.warnings),
          ),
    ),
  );
}
