/** `kaohe template --ruleset <id> --out <file>`: the template to send to subordinate units. */
import type { ResolvedRuleset } from "../engine";
import { buildTemplate, type FormulaVariant } from "../template/spec";
import { writeTemplate } from "../xlsx/files";
import type { AddinStore } from "../xlsx/auto-open";
import type { Lang } from "./format";
import { checkOutput, writeAtomically } from "./outputs";

export interface TemplateCommand {
  ruleset: ResolvedRuleset;
  out: string;
  year: number;
  lang: Lang;
  formulas: FormulaVariant;
  /** Open the add-in's pane with the workbook (Office's auto-open), or null. */
  autoOpen?: AddinStore | null;
}

export async function runTemplate(
  o: TemplateCommand,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const t = buildTemplate(o.ruleset, { year: o.year, formulas: o.formulas });
  try {
    const replacing = await checkOutput("--out", o.out, [], o.lang);
    if (replacing) err.write(replacing + "\n");
    await writeAtomically(o.out, (tmp) => writeTemplate(tmp, t, o.autoOpen ?? null));
  } catch (e) {
    err.write(
      o.lang === "zh"
        ? `无法写入「${o.out}」：${(e as Error).message}\n`
        : `cannot write "${o.out}": ${(e as Error).message}\n`,
    );
    return 2;
  }
  if (o.autoOpen) {
    const where = o.autoOpen.catalog ?? (o.lang === "zh" ? "本机旁加载" : "sideloaded");
    err.write(
      o.lang === "zh"
        ? `打开此工作簿时将自动显示「考核规则」任务窗格（加载项来自 ${where}）；未安装加载项的单位请发送不带 --auto-open 的模板。\n`
        : `The workbook opens the kaohe pane (add-in from ${where}); send units without the add-in a template made without --auto-open.\n`,
    );
  }
  out.write(
    o.lang === "zh"
      ? `已生成模板 ${o.out}：${o.year} 年度，规则集 ${o.ruleset.id}（指纹 ${o.ruleset.fingerprint.slice(0, 12)}…），班子 ${t.teams.rows} 行、干部 ${t.cadres.rows} 行；${o.formulas === "kh" ? "KH 自定义函数（需安装加载项）" : "通用公式（Excel、WPS、LibreOffice 均可计算）"}\n`
      : `Wrote template ${o.out}: year ${o.year}, ruleset ${o.ruleset.id} (fingerprint ${o.ruleset.fingerprint.slice(0, 12)}…), ${t.teams.rows} team rows, ${t.cadres.rows} cadre rows; ${o.formulas === "kh" ? "KH custom functions (needs the add-in)" : "plain formulas (Excel, WPS, LibreOffice)"}\n`,
  );
  return 0;
}
