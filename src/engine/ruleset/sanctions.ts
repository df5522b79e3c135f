/** E05's table (rules.md §5), from two consistent secondary sources. A parameter, kept as data. */
import type { SanctionRow } from "./types";

export const DEFAULT_SANCTIONS: SanctionRow[] = [
  { name: "警告", aliases: ["政务警告", "党内警告", "行政警告"], limits: ["not-excellent"] },
  { name: "诫勉", aliases: ["诫勉谈话"], limits: ["not-excellent"] },
  { name: "调整职务", aliases: [], limits: ["not-excellent"] },
  { name: "政务记过", aliases: ["记过", "行政记过"], limits: ["ungraded"] },
  { name: "记大过", aliases: ["政务记大过", "行政记大过"], limits: ["ungraded", "ungraded"] },
  { name: "降级", aliases: ["政务降级"], limits: ["ungraded", "ungraded"] },
  { name: "撤职", aliases: ["政务撤职", "行政撤职"], limits: ["ungraded", "ungraded"] },
  { name: "党内严重警告", aliases: ["严重警告"], limits: ["ungraded"] },
  { name: "撤销党内职务", aliases: [], limits: ["incompetent"] },
  { name: "留党察看", aliases: [], limits: ["incompetent", "ungraded"] },
  { name: "开除党籍", aliases: [], limits: ["incompetent", "ungraded", "ungraded"] },
  { name: "责令辞职", aliases: [], limits: ["ungraded"] },
  { name: "免职", aliases: [], limits: ["ungraded"] },
  { name: "降职", aliases: [], limits: ["ungraded"] },
];

/** Heavier first: the heaviest of several sanctions decides. */
export const LIMIT_WEIGHT: Record<string, number> = { incompetent: 3, ungraded: 2, "not-excellent": 1 };
