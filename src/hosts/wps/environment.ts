/**
 * 「环境」 in WPS: the version, and each feature on or off with its reason. What WPS offers is found by
 * asking for it (is AddCustomFunction there?), the version is shown to say what was asked of; the 自检
 * (self-test) then tries each call for real.
 */
import type { Environment, FeatureRow } from "../../ui/environment";

/** WPS 表格 runs JS custom functions from this build on (WPS's custom-function guide). */
export const FUNCTIONS_FROM = "12.1.0.20540";

export interface WpsProbe {
  /** "12.1.0.20540" from the page's user agent (WpsOfficeApp/…), else Application.Version and Build. */
  version: string | null;
  platform: string;
  hasCustomFunctions: boolean;
  hasEvents: boolean;
  hasFileDialog: boolean;
}

function newer(a: string, b: string): boolean {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return true;
}

export function describeWps(p: WpsProbe): Environment {
  const versionOk = p.version ? newer(p.version, FUNCTIONS_FROM) : null;
  const functionsOn = p.hasCustomFunctions && versionOk !== false;
  const features: FeatureRow[] = [
    {
      id: "validate",
      name: { zh: "校验、标记、定位、报告与结果运用清单", en: "Check, marks, go to cell, report and result-use list" },
      on: true,
      why: {
        zh: "按 WPS 公开的 JS API 实现；首次安装请运行「自检」。",
        en: "Built to WPS's published JS API; run the self-test on first install.",
      },
    },
    {
      id: "live",
      name: { zh: "边填边查（改一格，即时重新校验所在单位）", en: "Live check (an edit re-checks its unit at once)" },
      on: p.hasEvents,
      why: p.hasEvents
        ? { zh: "监听 SheetChange 事件。", en: "Listens to SheetChange." }
        : {
            zh: "此 WPS 没有 ApiEvent：改完后按「校验整个工作簿」。",
            en: "This WPS has no ApiEvent: press Check after editing.",
          },
    },
    {
      id: "functions",
      name: { zh: "KH 自定义函数", en: "KH custom functions" },
      on: functionsOn,
      why: functionsOn
        ? {
            zh: `WPS ${p.version ?? ""} 支持 JS 自定义函数（${FUNCTIONS_FROM} 起）。`,
            en: `WPS ${p.version ?? ""} runs JS custom functions (from ${FUNCTIONS_FROM}).`,
          }
        : {
            zh: `需要 WPS ${FUNCTIONS_FROM} 或更新版本（此为 ${p.version ?? "未知版本"}）；生成模板时用「通用公式」，结果相同。`,
            en: `Needs WPS ${FUNCTIONS_FROM} or newer (this is ${p.version ?? "unknown"}); make templates with plain formulas, same figures.`,
          },
    },
    {
      id: "files",
      name: { zh: "回收汇总（选择回收的文件）", en: "Collect returned files" },
      on: true,
      why: p.hasFileDialog
        ? {
            zh: "用 WPS 的文件对话框选择，文件只在本机读取。",
            en: "Picked in WPS's file dialog, read on this computer.",
          }
        : { zh: "用窗格的文件选择框，文件只在本机读取。", en: "Picked in the pane, read on this computer." },
    },
    {
      id: "autoOpen",
      name: { zh: "打开工作簿时自动显示任务窗格", en: "Open the pane with the workbook" },
      on: false,
      why: {
        zh: "WPS 没有这一文档设置：从「考核规则」选项卡打开。",
        en: "WPS has no such document setting: open it from the 考核规则 tab.",
      },
    },
  ];
  return {
    inOffice: true,
    host: "WPS 表格",
    platform: p.platform || "—",
    version: p.version ?? "—",
    office: { zh: "WPS 表格 JS 加载项", en: "WPS Spreadsheets JS add-in" },
    sets: [],
    features,
  };
}

/** The WPS build from the pane's user agent ("… WpsOfficeApp/12.1.0.20540 (per,windows)"). */
export function versionFromAgent(userAgent: string): string | null {
  return /WpsOfficeApp\/([\d.]+)/.exec(userAgent)?.[1] ?? null;
}
