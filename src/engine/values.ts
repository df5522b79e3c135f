/** Yes/no, scores and dates as they appear in cells. Each parser says why it refused. */
import { fold, isBlank } from "./text";

export type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

const YES = new Set(["是", "Y", "YES", "TRUE", "✓", "✔", "√", "1", "有", "T"]);
const NO = new Set(["否", "N", "NO", "FALSE", "✗", "✘", "×", "0", "无", "F"]);

/** 是 / 否 (Y/N, TRUE/FALSE, ✓). Blank is "no" and is left to the caller. */
const YES_PARSED: Parsed<boolean> = { ok: true, value: true };
const NO_PARSED: Parsed<boolean> = { ok: true, value: false };

export function parseYesNo(value: unknown): Parsed<boolean> {
  if (typeof value === "boolean") return value ? YES_PARSED : NO_PARSED;
  if (value === "是") return YES_PARSED;
  if (value === "否") return NO_PARSED;
  const key = fold(String(value)).toUpperCase();
  if (YES.has(key)) return YES_PARSED;
  if (NO.has(key)) return NO_PARSED;
  return { ok: false, text: String(value) };
}

/** A score 0–100: a number, or text that is one ("92.5", "９２"). */
export function parseScore(value: unknown, max = 100): Parsed<number> {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const t = fold(value);
    n = /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  } else n = NaN;
  if (!Number.isFinite(n) || n < 0 || n > max) return { ok: false, text: String(value) };
  return { ok: true, value: n };
}

/** A share of points lost: 0.25, 25, "25%" all mean a quarter. Returned in percent. */
export function parsePercent(value: unknown): Parsed<number> {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0 || value > 100) return { ok: false, text: String(value) };
    return { ok: true, value: value <= 1 ? value * 100 : value };
  }
  const t = fold(String(value));
  const m = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (m) {
    const v = Number(m[1]);
    return v <= 100 ? { ok: true, value: v } : { ok: false, text: String(value) };
  }
  return parsePercent(/^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN);
}

/** A positive whole number (任期届次: 1, 2, "第三任"…). */
export function parseCount(value: unknown): Parsed<number> {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return { ok: true, value };
  const t = fold(String(value))
    .replace(/^第/, "")
    .replace(/(任|届|任期)$/, "");
  const cn: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
  if (/^\d+$/.test(t) && Number(t) > 0) return { ok: true, value: Number(t) };
  if (t in cn) return { ok: true, value: cn[t] };
  return { ok: false, text: String(value) };
}

/** A calendar date without time zone. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export function isoDay(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** Excel's serial day (1900 system, with its fictional 1900-02-29) to a date. */
export function fromSerial(serial: number): Day {
  const whole = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + whole * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function toSerial(day: Day): number {
  return Math.round((Date.UTC(day.y, day.m - 1, day.d) - Date.UTC(1899, 11, 30)) / 86400000);
}

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Dates as Excel serials, JS dates, or text: 2021-05-10, 2021/5/10, 2021.5.10, 2021年5月10日. */
export function parseDate(value: unknown): Parsed<Day> {
  if (typeof value === "number" && value > 0 && value < 200000) return { ok: true, value: fromSerial(value) };
  if (value instanceof Date && !isNaN(value.getTime())) {
    return { ok: true, value: { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() } };
  }
  if (typeof value === "string") {
    const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/.exec(fold(value));
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = m[3] ? Number(m[3]) : 1;
      if (validDay(y, mo, d)) return { ok: true, value: { y, m: mo, d } };
    }
  }
  return { ok: false, text: String(value) };
}

export function blankOr<T>(value: unknown, parse: (v: unknown) => Parsed<T>): Parsed<T | null> {
  return isBlank(value) ? { ok: true, value: null } : parse(value);
}
