/**
 * The WPS host's figures (issue 20): host calls for a whole check of 10,000 rows through the fake WPS
 * (bulk reads, not per cell), and one grade typed into it, from the event to findings and marks updated
 * (the pause in typing not counted).
 */
import { LiveCheck, resolveRuleset } from "../engine";
import { largeBook } from "../sample/generate";
import { wpsHost } from "../hosts/wps";
import type { WpsApp } from "../hosts/wps/et";
import { createFakeWps } from "../testing/fake-wps";
import type { LiveUpdate } from "../ui/host";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function wpsFigures(log: (s: string) => void): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const rs = resolveRuleset("jinan-2022");
  const book = largeBook(500, 20, 41); // 10,000 cadres in 500 units
  const fake = createFakeWps([
    { name: "班子", values: [book.teamHeaders, ...book.teams] },
    { name: "干部", values: [book.cadreHeaders, ...book.cadres] },
  ]);
  const host = wpsHost(fake.app as WpsApp, "", "bench");
  const wb = host.workbook!;
  log("wps: a whole check of 10,000 rows through the fake WPS…");
  const read = await wb.read();
  figures.wps_calls_10k = fake.state.calls;

  log("wps: grade edits with 边填边查…");
  const live = new LiveCheck(read.input, rs);
  await wb.mark(live.result.findings, read.sheets);
  const updates: LiveUpdate[] = [];
  const session = await wb.startLive(live, read, {
    onUpdate: (u) => updates.push(u),
    onError: (e) => {
      throw e;
    },
  });
  const grade = book.cadreHeaders.indexOf("本年等次");
  const col = String.fromCharCode(65 + grade);
  const ms: number[] = [];
  for (let i = 0; i < 8; i++) {
    const before = updates.length;
    fake.type("干部", `${col}${2 + ((i * 997) % 10000)}`, [[i % 2 ? "优秀" : "称职"]]);
    while (updates.length === before) await new Promise((r) => setTimeout(r, 20));
    ms.push(updates[updates.length - 1].ms);
  }
  session.stop();
  figures.wps_live_edit_10k_ms = round(median(ms));
  return figures;
}
