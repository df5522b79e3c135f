/** The pane's words, Chinese first. */
import { SEVERITY_TEXT } from "../tables/report";
import type { Lang } from "./view-model";

export const TEXT = {
  zh: {
    title: "考核规则",
    other: "EN",
    rulesetLabel: "本工作簿使用的规则集",
    params: "参数与依据",
    paramHead: ["参数", "取值", "依据"],
    local: "（地方设定）",
    source: "依据",
    fingerprint: "指纹",
    saved: "已保存到工作簿，KH 函数已重新计算。",
    validate: "校验整个工作簿",
    cancel: "取消",
    reading: (done: number, total: number) => `正在读取工作表… ${total ? Math.round((100 * done) / total) : 0}%`,
    checking: "正在校验…",
    writing: "正在写入…",
    summary: ["读取行数", "错误", "警告", "提示"],
    noFindings: "未发现问题。",
    nothing: "没有可校验的内容。",
    mark: "标记单元格",
    unmark: "清除标记",
    writeReport: "写入校验报告",
    writeResults: "写入结果运用清单",
    announced: "公布日期",
    announcedTip:
      "结果运用措施的期限从公布日期起算，如 2026年1月15日 或 2026-01-15；不填则用「规则」表的公布日期，再无则按考核年度年末。",
    filterSeverity: "全部等级",
    filterUnit: "全部单位",
    filterRule: "全部规则",
    filterFile: "全部文件",
    groupFile: "按文件",
    groupUnit: "按单位",
    groupRule: "按规则",
    noUnit: "（全表）",
    severity: SEVERITY_TEXT.zh,
    perUnit: "各单位",
    marked: (n: number) => `已标记 ${n} 个单元格（条件格式，可随时清除，不改动原有格式）。`,
    protectedSkipped: (s: string, n: number) => `工作表「${s}」受保护，${n} 个单元格未标记。`,
    cleared: (n: number) => `已清除 ${n} 处标记。`,
    wrote: (name: string) => `已写入工作表「${name}」。`,
    renamed: (name: string, wanted: string) => `已有用户自建的「${wanted}」工作表，未改动；本次写入「${name}」。`,
    results: (n: number, t: number) =>
      `结果运用 ${n} 项：每项是一名干部因本年或历年等次而适用的一项措施（如嘉奖、记功、诫勉、调整），已按措施和单位列入「结果运用清单」；其中需要谈话的 ${t} 项另列入「谈话安排」。`,
    dailyTitle: "日常校验",
    datePlaceholder: "公布日期（可不填）",
    badDate: (text: string) => `公布日期「${text}」不是日期：请写成 2026年1月15日 或 2026-01-15。未写入。`,
    superiorTitle: "上级部门：下发与回收",
    pickFiles: "回收汇总…",
    dropZone: "可把回收的工作簿拖放到这里；文件只在本机读取，不上传。",
    merging: (done: number, total: number, name: string) =>
      name ? `正在读取第 ${done + 1}/${total} 个文件：${name}` : "正在汇总…",
    mergeLine: (file: string, units: string[], rows: number, e: number, w: number) =>
      `✓ ${file}：${units.length} 个单位（${units.join("、")}），${rows} 行；错误 ${e}，警告 ${w}`,
    merged: (ok: number, bad: number, names: string[]) =>
      `已汇总 ${ok + bad} 个文件（已校验 ${ok} 个，无法使用 ${bad} 个），写入「${names.join("」「")}」；下面是汇总后整个工作簿的校验结果。`,
    hiddenRead: (names: string) => `已包含隐藏工作表：${names}。`,
    nameFix: (n: number) =>
      `有 ${n} 个 KH 公式显示 #NAME?：它们在加载项加载前输入，Excel 不会自行重算（受保护的表也无法手工重输）。`,
    reenter: "重新输入 KH 公式",
    reentered: (n: number) => `已重新输入 ${n} 个 KH 公式（受保护的表已按原设置重新保护）；计算完成后请重新校验。`,
    makeTemplate: "生成模板",
    templateYear: "考核年度",
    templateFormulas: "公式",
    formulasNative: "通用公式（无需加载项，下发用）",
    formulasKh: "KH 函数（需加载项）",
    live: "边填边查",
    liveTip: "开启后，每改一处，等停顿片刻即重新校验所在单位，标记和问题列表随之更新（设置保存在本工作簿）",
    liveDone: (units: string[], ms: number, full: string) =>
      `边填边查：已重新校验${units.length ? `「${units.join("」「")}」` : "整个工作簿"}（${Math.round(ms)} 毫秒）。上次完整校验 ${full}；个别操作（如筛选后填充）Excel 不通知，写报告前会自动完整校验。`,
    liveOff: "边填边查已关闭。",
    autoOpen: "打开本工作簿时自动显示本任务窗格（仅用于已安装加载项的电脑）",
    autoOpenSaved: (on: boolean) =>
      on ? "已设置：下次打开本工作簿时自动显示任务窗格。" : "已取消：打开本工作簿时不再自动显示任务窗格。",
    templateOpened: (id: string, year: number, path: string) =>
      `已生成 ${year} 年度模板（规则集 ${id}，与 kaohe template 相同）并打开：${path}。检查后即可下发。`,
    templateMade: (id: string, year: number) =>
      `已在本工作簿生成 ${year} 年度模板（班子、干部、规则），规则集 ${id}。另存后即可下发。`,
    carried: (id: string) => `本工作簿的「规则」表载明规则集 ${id}，已按它校验（在上方选择规则集可改为其他规则集）。`,
    more: (n: number) => `显示其余 ${n} 条`,
    functions: "自定义函数",
    appTitle: "考核规则网页版",
    selfTest: "自检",
    selfTestCopy: "复制结果",
    selfTesting: "正在自检：在临时工作表上逐项调用加载项用到的接口…",
    selfTested: (ok: number, failed: number) =>
      failed
        ? `自检：${ok} 项通过，${failed} 项未通过（见「环境」）；请复制结果发给维护人员。`
        : `自检：${ok} 项全部通过。`,
    selfTestCopied: "自检结果已复制。",
    rulesetLabelApp: "校验使用的规则集",
    fromFile: "来自文件",
    rulesetFile: "载入规则集文件…",
    rulesetLoaded: (name: string, id: string) => `已载入规则集文件「${name}」（${id}），下面按它校验。`,
    rulesetChosen: (title: string) => `已选用规则集：${title}。`,
    filesTitle: "校验回收的工作簿",
    outputsTitle: "下载",
    pickFilesApp: "选择文件…",
    pickFolder: "选择文件夹…",
    downloadReport: "下载校验报告",
    downloadResults: "下载结果运用清单",
    downloadMerged: "下载汇总表",
    downloadTemplate: "下载模板",
    downloaded: (name: string) => `已下载「${name}」（在浏览器的下载列表中）。`,
    reportFile: "校验报告.xlsx",
    resultsFile: "结果运用清单.xlsx",
    mergedFile: "汇总.xlsx",
    templateFile: (year: number, formulas: string) =>
      `${year}年度考核模板${formulas === "kh" ? "（KH函数）" : ""}.xlsx`,
    checkedFiles: (ok: number, bad: number) =>
      `已校验 ${ok} 个文件${bad ? `，${bad} 个无法使用（见上方列表）` : ""}；文件只在本机读取，未上传。`,
    go: (sheet: string, cell: string) => `定位到 ${sheet}!${cell}`,
    pickHistory: "往年结果…",
    historyTip:
      "选择往年的汇总表或已校验的工作簿作为记录：空白的历年等次按它补全，填写的与它不符的报错（H07），记录中没有的人提示一次。",
    clearHistory: "不用往年结果",
    historyLoaded: (n: number, years: string) =>
      `已载入往年结果 ${n} 个文件（${years} 年度）：此后的校验按它补全和核对历年等次。`,
    historyNone: "往年结果中没有可用的文件（见上方列表）。",
    historyCleared: "已不用往年结果。",
    annotateZip: "下载全部退回修改件（.zip）",
    annotateOne: "退回修改件",
    annotateZipFile: "退回修改件.zip",
    annotated: (n: number) =>
      `已生成 ${n} 个退回修改件：每处问题在单元格上加了批注并浅色标出，首页「校验意见」列出全部意见，原文件的其他内容不变。`,
    diffTitle: "与上次报送比较",
    pickDiffBefore: "上次报送…",
    pickDiffAfter: "本次报送…",
    downloadDiff: "下载对比表",
    diffFile: "对比.xlsx",
    diffWaiting: (name: string) => `已选上次报送「${name}」，请再选本次报送。`,
    thisWorkbook: "当前工作簿",
    diffSummary: (changed: number, fields: number, unasked: number, added: number, removed: number) =>
      `修改 ${changed} 人（${fields} 项，其中未被要求 ${unasked} 项），新增 ${added} 人，删除 ${removed} 人`,
    diffFindings: (fixed: number, still: number, fresh: number) =>
      `问题：已改正 ${fixed}，仍存在 ${still}，新出现 ${fresh}`,
    diffUnusable: (file: string, why: string) => `无法比较：「${file}」${why}`,
  },
  en: {
    title: "Appraisal Rules",
    other: "中文",
    rulesetLabel: "Ruleset in force in this workbook",
    params: "Parameters and sources",
    paramHead: ["Parameter", "Figure", "Source"],
    local: " (local setting)",
    source: "Source",
    fingerprint: "Fingerprint",
    saved: "Saved in the workbook; KH functions recalculated.",
    validate: "Check the whole workbook",
    cancel: "Cancel",
    reading: (done: number, total: number) => `Reading sheets… ${total ? Math.round((100 * done) / total) : 0}%`,
    checking: "Checking…",
    writing: "Writing…",
    summary: ["Rows read", "Errors", "Warnings", "Info"],
    noFindings: "No problems found.",
    nothing: "Nothing to check.",
    mark: "Mark cells",
    unmark: "Clear marks",
    writeReport: "Write report sheet",
    writeResults: "Write result-use list",
    announced: "Announced",
    announcedTip:
      "Result-use measures run from the announcement date, e.g. 2026-01-15; blank: the 规则 sheet's date, else the year's end.",
    filterSeverity: "All severities",
    filterUnit: "All units",
    filterRule: "All rules",
    filterFile: "All files",
    groupFile: "By file",
    groupUnit: "By unit",
    groupRule: "By rule",
    noUnit: "(whole sheet)",
    severity: SEVERITY_TEXT.en,
    perUnit: "Per unit",
    marked: (n: number) => `Marked ${n} cells (conditional formats; clear any time, your formats stay).`,
    protectedSkipped: (s: string, n: number) => `Sheet "${s}" is protected: ${n} cells left unmarked.`,
    cleared: (n: number) => `Cleared ${n} marks.`,
    wrote: (name: string) => `Wrote sheet "${name}".`,
    renamed: (name: string, wanted: string) => `Your own sheet "${wanted}" was left alone; wrote "${name}".`,
    results: (n: number, t: number) =>
      `${n} measures: each is one measure a cadre's grade this year or in past years calls for (commendation, merit, admonition, adjustment), listed by measure and unit on 结果运用清单; the ${t} that need a talk are also on 谈话安排.`,
    dailyTitle: "Everyday checking",
    datePlaceholder: "Announced (optional)",
    badDate: (text: string) =>
      `Announced on "${text}" is not a date: write 2026-01-15 or 2026年1月15日. Nothing written.`,
    superiorTitle: "Superior department: send out and collect",
    pickFiles: "Collect returned files…",
    dropZone: "Drop the returned workbooks here; they are read on this computer, never uploaded.",
    merging: (done: number, total: number, name: string) =>
      name ? `Reading file ${done + 1}/${total}: ${name}` : "Consolidating…",
    mergeLine: (file: string, units: string[], rows: number, e: number, w: number) =>
      `✓ ${file}: ${units.length} units (${units.join(", ")}), ${rows} rows; ${e} errors, ${w} warnings`,
    merged: (ok: number, bad: number, names: string[]) =>
      `Consolidated ${ok + bad} files (${ok} checked, ${bad} unusable) into ${names.join(", ")}; below, the check of the whole workbook as it now stands.`,
    hiddenRead: (names: string) => `Hidden sheets included: ${names}.`,
    nameFix: (n: number) =>
      `${n} KH formulas show #NAME?: they were entered before the add-in loaded and Excel does not recalculate them (nor can they be re-entered by hand on a protected sheet).`,
    reenter: "Re-enter KH formulas",
    reentered: (n: number) =>
      `Re-entered ${n} KH formulas (protected sheets protected again as they were); check again once they have calculated.`,
    carried: (id: string) =>
      `The workbook's 规则 sheet names ruleset ${id}; checked against it (pick another above to change).`,
    more: (n: number) => `Show ${n} more`,
    makeTemplate: "Make template",
    templateYear: "Year",
    templateFormulas: "Formulas",
    formulasNative: "Plain formulas (no add-in needed; to send out)",
    formulasKh: "KH functions (needs the add-in)",
    live: "Live check",
    liveTip:
      "On: after each edit and a short pause, its unit is re-checked and the marks and findings follow (saved in this workbook)",
    liveDone: (units: string[], ms: number, full: string) =>
      `Live check: re-checked ${units.length ? units.join(", ") : "the whole workbook"} (${Math.round(ms)} ms). Last full check ${full}; Excel does not report some edits (fills across filtered rows): a full check runs before any report is written.`,
    liveOff: "Live check is off.",
    autoOpen: "Open this pane whenever this workbook is opened (for desks with the add-in)",
    autoOpenSaved: (on: boolean) =>
      on ? "Set: the pane opens with this workbook." : "Off: the pane no longer opens with this workbook.",
    templateOpened: (id: string, year: number, path: string) =>
      `Made the ${year} template (ruleset ${id}, as kaohe template makes it) and opened it: ${path}. Check it, then send it out.`,
    templateMade: (id: string, year: number) =>
      `Made the ${year} template in this workbook (班子, 干部, 规则), ruleset ${id}. Save a copy to send out.`,
    functions: "Custom functions",
    appTitle: "Appraisal Rules — web",
    selfTest: "Self-test",
    selfTestCopy: "Copy results",
    selfTesting: "Self-test: calling each interface the add-in uses, on a scratch sheet…",
    selfTested: (ok: number, failed: number) =>
      failed
        ? `Self-test: ${ok} passed, ${failed} failed (see Environment); copy the results and send them to us.`
        : `Self-test: all ${ok} passed.`,
    selfTestCopied: "Self-test results copied.",
    rulesetLabelApp: "Ruleset to check with",
    fromFile: "from a file",
    rulesetFile: "Load a ruleset file…",
    rulesetLoaded: (name: string, id: string) => `Loaded the ruleset file "${name}" (${id}); checks below use it.`,
    rulesetChosen: (title: string) => `Ruleset chosen: ${title}.`,
    filesTitle: "Check returned workbooks",
    outputsTitle: "Downloads",
    pickFilesApp: "Choose files…",
    pickFolder: "Choose a folder…",
    downloadReport: "Download the report",
    downloadResults: "Download the result-use list",
    downloadMerged: "Download the consolidated workbook",
    downloadTemplate: "Download the template",
    downloaded: (name: string) => `Downloaded "${name}" (see the browser's downloads).`,
    reportFile: "校验报告.xlsx",
    resultsFile: "结果运用清单.xlsx",
    mergedFile: "汇总.xlsx",
    templateFile: (year: number, formulas: string) =>
      `${year}年度考核模板${formulas === "kh" ? "（KH函数）" : ""}.xlsx`,
    checkedFiles: (ok: number, bad: number) =>
      `Checked ${ok} files${bad ? `; ${bad} could not be used (see the list above)` : ""}; read on this computer, never uploaded.`,
    go: (sheet: string, cell: string) => `Go to ${sheet}!${cell}`,
    pickHistory: "Past results…",
    historyTip:
      "Pick past years' consolidated or checked workbooks as the record: blank history takes its grades, a typed grade it contradicts is an error (H07), a person it lacks is said once.",
    clearHistory: "Drop past results",
    historyLoaded: (n: number, years: string) =>
      `Loaded ${n} files of past results (${years}): checks from now on fill and check history against them.`,
    historyNone: "No usable file among the past results (see the list above).",
    historyCleared: "Past results dropped.",
    annotateZip: "Download all annotated copies (.zip)",
    annotateOne: "annotated copy",
    annotateZipFile: "退回修改件.zip",
    annotated: (n: number) =>
      `Made ${n} annotated copies: each finding a note on its cell with a light fill, a first sheet 校验意见 listing them all, the rest of each file unchanged.`,
    diffTitle: "Compare with the last submission",
    pickDiffBefore: "First submission…",
    pickDiffAfter: "Resubmission…",
    downloadDiff: "Download the comparison",
    diffFile: "对比.xlsx",
    diffWaiting: (name: string) => `First submission "${name}" chosen; now choose the resubmission.`,
    thisWorkbook: "this workbook",
    diffSummary: (changed: number, fields: number, unasked: number, added: number, removed: number) =>
      `${changed} people changed (${fields} fields, ${unasked} not asked for), ${added} added, ${removed} removed`,
    diffFindings: (fixed: number, still: number, fresh: number) =>
      `Findings: ${fixed} fixed, ${still} still there, ${fresh} new`,
    diffUnusable: (file: string, why: string) => `Cannot compare: "${file}" ${why}`,
  },
};

export type Text = (typeof TEXT)["zh"];

export function textOf(lang: Lang): Text {
  return TEXT[lang] as Text;
}
