/** `kaohe` — the same engine as the Excel add-in, on .xlsx files. Commands and JSON: docs/cli.md. */
import { parseArgs } from "util";
import { RulesetError } from "../engine";
import { parseDate } from "../engine";
import { runCheck } from "./check";
import { runResults } from "./results";
import { runTemplate } from "./template";
import { runMerge } from "./merge";
import { runDiff } from "./diff";
import { defaultAppraisalYear } from "../template/spec";
import type { Lang } from "./format";
import { loadRulesetArg } from "./ruleset-arg";
import { listRulesets } from "./rulesets";
import { OutputRefused } from "./outputs";
import { catalogProblem } from "../deploy/catalog-path";

const USAGE = `用法 / usage:
  kaohe check <file.xlsx | folder>... [--ruleset <id | ruleset.json>] [--json] [--report <out.xlsx>] [--lang en] [--year YYYY]
                 [--annotate <退回修改件文件夹>] [--history <往年.xlsx | folder>]...
  kaohe diff <上次报送.xlsx> <本次报送.xlsx> [--json] [--out <对比.xlsx>] [--ruleset …] [--lang en] [--year YYYY]
  kaohe results <file.xlsx | folder>... [--json] [--out <结果运用清单.xlsx>] [--announced YYYY-MM-DD] [--ruleset …] [--lang en]
                 [--history <往年.xlsx | folder>]...
  kaohe template --out <模板.xlsx> [--ruleset <id | ruleset.json>] [--year YYYY] [--formulas native | kh]
                 [--auto-open [--catalog <\\\\server\\share>]] [--lang en]
  kaohe merge <file.xlsx | folder>... --out <汇总.xlsx> [--ruleset …] [--json] [--lang en] [--year YYYY]
                 [--auto-open [--catalog <\\\\server\\share>]] [--history <往年.xlsx | folder>]...
  kaohe rulesets [--json] [--lang en]

退出码 / exit status: 0 无错误 no error · 1 有错误 errors found · 2 有文件无法使用 an input could not be used`;

/** --year: a four-digit year, or undefined when not given; null when given and not a year. */
function yearArg(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const year = Number(text);
  return Number.isInteger(year) && year > 1900 && year < 2200 ? year : null;
}

/** --year given and not a year: its message, said before anything is read. */
class BadYear extends Error {}

const badYear = (text: string | undefined, lang: Lang) =>
  lang === "zh" ? `--year 须为四位年份，收到「${text}」\n` : `--year takes a four-digit year, got "${text}"\n`;

export async function main(
  argv: string[],
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ruleset: { type: "string" },
        json: { type: "boolean", default: false },
        report: { type: "string" },
        lang: { type: "string", default: "zh" },
        year: { type: "string" },
        out: { type: "string" },
        announced: { type: "string" },
        formulas: { type: "string" },
        "auto-open": { type: "boolean", default: false },
        catalog: { type: "string" },
        history: { type: "string", multiple: true },
        annotate: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  const [command, ...rest] = positionals;
  const lang: Lang = o.lang === "en" ? "en" : "zh";
  if (o.help || !command) {
    out.write(USAGE + "\n");
    return command || o.help ? 0 : 2;
  }
  // Office's auto-open goes into a workbook the command writes (template, merge); --catalog says from where.
  if (o.catalog !== undefined && !o["auto-open"]) {
    err.write(lang === "zh" ? "--catalog 只与 --auto-open 一起使用\n" : "--catalog goes with --auto-open\n");
    return 2;
  }
  // The same check as npm run package's: the catalog is written into the workbook's XML.
  const badCatalog = o.catalog !== undefined ? catalogProblem(o.catalog) : null;
  if (badCatalog) {
    err.write(`${lang === "zh" ? badCatalog.zh : badCatalog.en}\n`);
    return 2;
  }
  const autoOpen = o["auto-open"] ? { catalog: o.catalog ?? null } : null;
  /** A command line that cannot run: said in the user's language with the usage, exit status 2. */
  const refuse = (zh: string, en: string): number => {
    err.write(`${lang === "zh" ? zh : en}\n${USAGE}\n`);
    return 2;
  };
  const yearOf = (): number | undefined => {
    const year = yearArg(o.year);
    if (year === null) throw new BadYear(badYear(o.year, lang));
    return year;
  };
  /** What check, results, merge and diff all take: --year (refused first when bad), then the ruleset. */
  const common = async () => {
    const year = yearOf();
    return { ruleset: await loadRulesetArg(o.ruleset), named: o.ruleset !== undefined, json: o.json!, lang, year };
  };
  // An option another command would silently ignore is said, not dropped.
  const misplaced =
    o.annotate !== undefined && command !== "check"
      ? "--annotate"
      : o.history !== undefined && !["check", "merge", "results"].includes(command)
        ? "--history"
        : null;
  if (misplaced)
    return refuse(`${misplaced} 不用于 kaohe ${command}`, `${misplaced} does not go with kaohe ${command}`);
  try {
    switch (command) {
      case "check": {
        if (rest.length === 0) {
          return refuse("请给出要校验的文件或文件夹", "give the files or folders to check");
        }
        return await runCheck(
          rest,
          { ...(await common()), report: o.report, history: o.history, annotate: o.annotate },
          out,
          err,
        );
      }
      case "results": {
        if (rest.length === 0) {
          return refuse("请给出工作簿", "give a workbook");
        }
        const announced = o.announced !== undefined ? parseDate(o.announced) : undefined;
        if (announced && !announced.ok) {
          err.write(
            lang === "zh"
              ? `--announced 须为日期（YYYY-MM-DD），收到「${o.announced}」\n`
              : `--announced takes a date (YYYY-MM-DD), got "${o.announced}"\n`,
          );
          return 2;
        }
        return await runResults(
          rest,
          {
            ...(await common()),
            out: o.out,
            announced: announced?.ok ? announced.value : undefined,
            history: o.history,
          },
          out,
          err,
        );
      }
      case "template": {
        if (!o.out) {
          return refuse("请用 --out 给出模板文件名", "give the template file with --out");
        }
        const year = yearOf() ?? defaultAppraisalYear();
        const formulas = o.formulas ?? "native";
        if (formulas !== "native" && formulas !== "kh") {
          err.write(
            lang === "zh"
              ? `--formulas 须为 native（通用公式，默认）或 kh（KH 自定义函数），收到「${formulas}」\n`
              : `--formulas takes native (plain formulas, the default) or kh (KH custom functions), got "${formulas}"\n`,
          );
          return 2;
        }
        return await runTemplate(
          {
            ruleset: await loadRulesetArg(o.ruleset),
            out: o.out,
            year,
            lang,
            formulas,
            // Off by default: a workbook that opens a pane is for desks where the add-in is installed.
            autoOpen,
          },
          out,
          err,
        );
      }
      case "merge": {
        if (rest.length === 0 || !o.out) {
          return refuse(
            "请给出回收的文件或文件夹，并用 --out 给出汇总文件",
            "give the returned files or folders and --out",
          );
        }
        return await runMerge(rest, { ...(await common()), out: o.out, autoOpen, history: o.history }, out, err);
      }
      case "diff": {
        if (rest.length !== 2) {
          return refuse(
            "请给出两个工作簿：上次报送的和这次报送的",
            "give two workbooks: the first submission and the resubmission",
          );
        }
        return await runDiff(rest[0], rest[1], { ...(await common()), out: o.out }, out, err);
      }
      case "rulesets":
        out.write(listRulesets(lang, o.json!) + "\n");
        return 0;
      default:
        return refuse(`未知命令「${command}」`, `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof BadYear) {
      err.write(e.message);
      return 2;
    }
    if (e instanceof RulesetError || e instanceof OutputRefused) {
      err.write(e.message + "\n");
      return 2;
    }
    throw e;
  }
}
