/**
 * 自检 (self-test): each host API the add-in uses, called for real on a scratch sheet the test makes and
 * removes, with pass or fail per call. Nobody here can run Excel or WPS: this is how the first real
 * installation tells us what works. Each host lists its steps (hosts/excel/self-test.ts, hosts/wps/…).
 */

export interface SelfTestStep {
  /** What is called, in the host's own terms ("Range.Value2 读写"). */
  name: string;
  /** Resolves with a detail on success; throws (or rejects) on failure. */
  run(): Promise<string | void> | string | void;
}

export interface SelfTestLine {
  name: string;
  ok: boolean;
  detail: string;
}

/** Runs every step, a failure never stopping the next one; `cleanup` runs last whatever happened. */
export async function runSelfTest(steps: SelfTestStep[]): Promise<SelfTestLine[]> {
  const lines: SelfTestLine[] = [];
  for (const step of steps) {
    try {
      const detail = await step.run();
      lines.push({ name: step.name, ok: true, detail: detail ?? "" });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      lines.push({
        name: step.name,
        ok: false,
        detail: [err?.code, err?.message ?? String(e)].filter(Boolean).join(": "),
      });
    }
  }
  return lines;
}

/** The report as text to copy: where it ran, then a line per call. */
export function selfTestText(where: string, lines: SelfTestLine[]): string {
  const ok = lines.filter((l) => l.ok).length;
  return [
    `考核规则 自检 / self-test — ${where}`,
    `${ok}/${lines.length} 通过 / passed`,
    ...lines.map((l) => `${l.ok ? "✓" : "✗"} ${l.name}${l.detail ? ` — ${l.detail}` : ""}`),
  ].join("\n");
}

/** Asserts inside a step: the message says what came back instead. */
export function expectSame(what: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

/** Waits for `heard()` to turn true, up to `ms`. */
export async function waitFor(heard: () => boolean, ms = 1500): Promise<boolean> {
  const until = Date.now() + ms;
  while (!heard() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return heard();
}
