/**
 * 「环境」 of the browser app: which browser engine this is and what the app does here. Pure: the user
 * agent string in, the description out (tests pass the 信创 browsers' strings).
 */
import type { Environment, FeatureRow } from "../../ui/environment";

/** The engines the app is built for (issue 19): the 信创 browsers' Chromium and Firefox ESR. */
export const MIN_CHROMIUM = 80;
export const MIN_FIREFOX = 78;

export interface Engine {
  name: "Chromium" | "Firefox" | "other";
  major: number | null;
}

export function engineOf(userAgent: string): Engine {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return { name: "Firefox", major: Number(firefox[1]) };
  const chrome = /(?:Chrome|Chromium)\/(\d+)/.exec(userAgent);
  if (chrome) return { name: "Chromium", major: Number(chrome[1]) };
  return { name: "other", major: null };
}

function supported(e: Engine): boolean | null {
  if (e.major === null) return null;
  return e.name === "Firefox" ? e.major >= MIN_FIREFOX : e.major >= MIN_CHROMIUM;
}

export function describeBrowser(userAgent: string, platform: string): Environment {
  const engine = engineOf(userAgent);
  const ok = supported(engine);
  const version = engine.major === null ? "—" : `${engine.name} ${engine.major}`;
  const office =
    ok === false
      ? {
          zh: `浏览器内核过旧：需要 Chromium ${MIN_CHROMIUM}+ 或 Firefox ${MIN_FIREFOX}+（360、奇安信等浏览器请用极速模式）`,
          en: `Browser engine too old: needs Chromium ${MIN_CHROMIUM}+ or Firefox ${MIN_FIREFOX}+`,
        }
      : {
          zh: "考核规则网页版：不需要 Office，文件只在本机读取",
          en: "The web app: no Office needed; files stay on this computer",
        };
  const features: FeatureRow[] = [
    {
      id: "files",
      name: { zh: "校验所选工作簿、优秀分布", en: "Check the chosen workbooks, 优秀 by unit" },
      on: ok !== false,
      why: { zh: "文件在本页读取，不上传。", en: "Files are read in this page, never uploaded." },
    },
    {
      id: "downloads",
      name: {
        zh: "下载校验报告、汇总表、结果运用清单、模板",
        en: "Download report, consolidated workbook, result-use list, template",
      },
      on: ok !== false,
      why: { zh: "与 kaohe 命令行写出的文件相同。", en: "The same files the kaohe command line writes." },
    },
    {
      id: "marks",
      name: { zh: "标记单元格、定位、边填边查", en: "Marks, go to cell, live check" },
      on: false,
      why: {
        zh: "网页版没有打开的工作簿：每条问题列出文件、单元格和该行的单位、姓名、等次。需要时用 Excel 或 WPS 加载项。",
        en: "No workbook is open here: each finding names its file, cell and the row's unit, name and grades. Use the Excel or WPS add-in for these.",
      },
    },
    {
      id: "functions",
      name: { zh: "KH 自定义函数", en: "KH custom functions" },
      on: false,
      why: {
        zh: "函数在 Excel 或 WPS 中运行；模板的「通用公式」不需要加载项。",
        en: "The functions run in Excel or WPS; templates with plain formulas need no add-in.",
      },
    },
  ];
  return { inOffice: false, host: "浏览器 / browser", platform: platform || "—", version, office, sets: [], features };
}
