/** The 自检 lines in 「环境」: each call passed or failed, with what came back. */
import { el, h } from "./dom";
import type { SelfTestLine } from "./self-test";

export function renderSelfTest(lines: SelfTestLine[]): void {
  el("selfTestList").replaceChildren(
    ...lines.map((l) =>
      h(
        "li",
        { className: l.ok ? "on" : "off", data: { ok: String(l.ok) } },
        h("b", {}, `${l.ok ? "✓" : "✗"} ${l.name}`),
        l.detail ? " " : null,
        l.detail ? h("span", { className: "muted" }, l.detail) : null,
      ),
    ),
  );
}
