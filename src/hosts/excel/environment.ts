/**
 * 「环境」: which Excel this is, which requirement sets it supports, and which of the add-in's features
 * run here and why. Pure: the probe (excel/host.ts) asks Office; tests pass fake hosts.
 */
import type { Environment, FeatureId, FeatureRow, Said, SetRow } from "../../ui/environment";

export { featureOn, type Environment, type FeatureRow, type SetRow } from "../../ui/environment";

export interface HostProbe {
  /** Office.context.diagnostics, or null outside Office (a plain browser). */
  host: string | null;
  platform: string | null;
  version: string | null;
  supports(set: string, version: string): boolean;
}

/** Requirement sets worth showing, with the versions probed (each set's versions are cumulative). */
export const PROBED_SETS: { name: string; versions: string[] }[] = [
  { name: "ExcelApi", versions: Array.from({ length: 21 }, (_, i) => `1.${i + 1}`) },
  { name: "SharedRuntime", versions: ["1.1", "1.2"] },
  { name: "CustomFunctionsRuntime", versions: ["1.1", "1.2", "1.3", "1.4"] },
  { name: "AddinCommands", versions: ["1.1", "1.3"] },
];

/** The manifest's ExcelApi baseline (tests/api-sets.test.ts holds the code to it). */
export const BASELINE_EXCEL_API = "1.13";

interface FeatureSpec {
  id: FeatureId;
  name: Said;
  /** Every set listed is needed. */
  needs: [string, string][];
  /** What the user does or gets instead when it is off. */
  instead: Said;
}

const FEATURES: FeatureSpec[] = [
  {
    id: "validate",
    name: { zh: "校验、标记、定位、报告与结果运用清单", en: "Check, marks, go to cell, report and result-use list" },
    needs: [["ExcelApi", BASELINE_EXCEL_API]],
    instead: {
      zh: "请升级到 Excel 2021 / LTSC 2024 / Microsoft 365，或用 kaohe 命令行校验另存的工作簿。",
      en: "Upgrade to Excel 2021 / LTSC 2024 / Microsoft 365, or check a saved copy with the kaohe command line.",
    },
  },
  {
    id: "live",
    name: { zh: "边填边查（改一格，即时重新校验所在单位）", en: "Live check (an edit re-checks its unit at once)" },
    // Workbook-wide events need 1.9; 1.7–1.8 listen sheet by sheet (excel/live.ts).
    needs: [["ExcelApi", "1.7"]],
    instead: { zh: "改完后按「校验整个工作簿」。", en: "Press Check the whole workbook after editing." },
  },
  {
    id: "functions",
    name: { zh: "KH 自定义函数", en: "KH custom functions" },
    needs: [["CustomFunctionsRuntime", "1.1"]],
    instead: {
      zh: "生成模板时选「通用公式」：不需加载项，结果相同。",
      en: "Make templates with plain formulas: no add-in needed, same figures.",
    },
  },
  {
    id: "sharedRuntime",
    name: {
      zh: "关闭任务窗格后 KH 函数仍用本工作簿的规则集",
      en: "KH functions keep this workbook's ruleset with the pane closed",
    },
    needs: [["SharedRuntime", "1.1"]],
    instead: { zh: "KH 函数使用默认规则集。", en: "KH functions use the default ruleset." },
  },
  {
    id: "templatePrint",
    name: { zh: "模板的打印版式（横向 A4、标题行重复）", en: "Template print layout (landscape A4, repeated header)" },
    needs: [["ExcelApi", "1.9"]],
    instead: { zh: "模板照常生成，打印版式需手工设置。", en: "The template is made; set the print layout by hand." },
  },
  {
    id: "autoOpen",
    name: { zh: "打开工作簿时自动显示任务窗格", en: "Open the pane with the workbook" },
    needs: [["AddinCommands", "1.1"]],
    instead: { zh: "从「开始」选项卡的「校验考核」打开。", en: "Open it from Home › Check appraisal." },
  },
];

function compare(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

function highest(probe: HostProbe, name: string, versions: string[]): string | null {
  let top: string | null = null;
  for (const v of versions) if (probe.supports(name, v)) top = v;
  return top;
}

/** Microsoft's requirement-set tables: what a perpetual-licence Excel reaches (README lists the sources). */
export function officeFor(excelApi: string | null): Said {
  if (!excelApi) return { zh: "不支持 ExcelApi（Excel 2013 或更早）", en: "no ExcelApi (Excel 2013 or older)" };
  if (compare(excelApi, "1.1") <= 0)
    return { zh: "相当于 Excel 2016 批量许可版", en: "like Excel 2016 volume licence" };
  if (compare(excelApi, "1.7") <= 0) return { zh: "相当于 Excel 2019", en: "like Excel 2019" };
  if (compare(excelApi, "1.14") <= 0) return { zh: "相当于 Excel 2021", en: "like Excel 2021" };
  if (compare(excelApi, "1.17") <= 0) return { zh: "相当于 Excel LTSC 2024", en: "like Excel LTSC 2024" };
  return { zh: "Microsoft 365 或网页版 Excel", en: "Microsoft 365 or Excel on the web" };
}

/** What a feature that runs here still cannot do on this platform, said beside it. */
function caveat(id: FeatureId, probe: HostProbe): Said | null {
  // office-js #4066: Excel on the web raises no onChanged for a value picked from a dropdown (our grade columns).
  if (id === "live" && probe.platform === "OfficeOnline")
    return {
      zh: "网页版 Excel 从下拉列表选值时不发出修改通知（office-js #4066）：离开该单元格时重新读取其所在行。",
      en: "Excel on the web raises no change event for a value picked from a dropdown (office-js #4066): the row is read again when the selection leaves the cell.",
    };
  return null;
}

function featureRow(spec: FeatureSpec, probe: HostProbe, sets: SetRow[], inOffice: boolean): FeatureRow {
  const missing = spec.needs.filter(([name, v]) => !probe.supports(name, v));
  const need = spec.needs.map(([n, v]) => `${n} ${v}`).join("、");
  if (!inOffice) {
    return {
      id: spec.id,
      name: spec.name,
      on: false,
      why: { zh: `不在 Excel 中运行（需要 ${need}）。`, en: `Not running inside Excel (needs ${need}).` },
    };
  }
  if (!missing.length) {
    const also = caveat(spec.id, probe);
    const why = { zh: `${need} 可用。`, en: `${need} available.` };
    return {
      id: spec.id,
      name: spec.name,
      on: true,
      why: also ? { zh: `${why.zh}${also.zh}`, en: `${why.en} ${also.en}` } : why,
    };
  }
  const has = missing
    .map(([name]) => {
      const h = sets.find((s) => s.name === name)?.highest;
      return h ? `${name} ${h}` : null;
    })
    .filter(Boolean)
    .join("、");
  const here = has
    ? { zh: `此 Excel 只到 ${has}`, en: `this Excel has ${has}` }
    : { zh: "此 Excel 不支持", en: "this Excel lacks it" };
  return {
    id: spec.id,
    name: spec.name,
    on: false,
    why: { zh: `需要 ${need}，${here.zh}。${spec.instead.zh}`, en: `Needs ${need}; ${here.en}. ${spec.instead.en}` },
  };
}

export function describeEnvironment(probe: HostProbe): Environment {
  const inOffice = probe.host !== null;
  const sets = PROBED_SETS.map((s) => ({
    name: s.name,
    highest: inOffice ? highest(probe, s.name, s.versions) : null,
  }));
  const excelApi = sets.find((s) => s.name === "ExcelApi")?.highest ?? null;
  return {
    inOffice,
    host: probe.host ?? "—",
    platform: probe.platform ?? "—",
    version: probe.version ?? "—",
    office: inOffice
      ? officeFor(excelApi)
      : { zh: "不在 Office 中（浏览器直接打开）", en: "not in Office (opened in a browser)" },
    sets,
    features: FEATURES.map((f) => featureRow(f, probe, sets, inOffice)),
  };
}
