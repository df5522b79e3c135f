/**
 * The fields of each row as a resubmission is compared: recognized columns by what they are (a renamed
 * header is the same field), history columns by year, any other column by its header; the text as the
 * cell shows it. Columns the template computes (序号, 校验, 提示) follow the data and are left out.
 */
import { a1, CADRE_LABELS, TEAM_LABELS, type Model, type SheetLayout } from "../engine";

export interface Field {
  key: string;
  label: string;
  col: number;
}

const COMPUTED = new Set(["seq", "check", "hint", "participants", "quota", "excellentCount", "status"]);

function columns(
  layout: SheetLayout & { cols: Record<string, number | undefined> },
  labels: Record<string, string>,
): Field[] {
  const out: Field[] = [];
  const taken = new Set<number>();
  for (const [id, col] of Object.entries(layout.cols)) {
    if (col === undefined || taken.has(col)) continue;
    taken.add(col);
    if (!COMPUTED.has(id)) out.push({ key: `col:${id}`, label: labels[id] ?? layout.headers[col] ?? id, col });
  }
  return [...out, ...others(layout, taken)];
}

/** Columns no rule reads, by their header: a unit's own 备注 changed is a change too. */
function others(layout: SheetLayout, taken: Set<number>): Field[] {
  const out: Field[] = [];
  const seen = new Set<string>();
  layout.headers.forEach((h, col) => {
    if (!h || taken.has(col) || seen.has(h)) return;
    seen.add(h);
    out.push({ key: `head:${h}`, label: h, col });
  });
  return out;
}

export function cadreFields(model: Model): Field[] {
  const s = model.cadreSheet;
  if (!s) return [];
  const history = s.history.map((h) => {
    const year = model.year === null ? null : model.year - h.back;
    return {
      key: year === null ? `back:${h.back}` : `year:${year}`,
      label: year === null ? h.header : `${year}年度等次`,
      col: h.col,
    };
  });
  const taken = new Set(history.map((h) => h.col));
  const cols = columns({ ...s, headers: s.headers.map((h, c) => (taken.has(c) ? "" : h)) }, CADRE_LABELS);
  return [...cols, ...history];
}

export function teamFields(model: Model): Field[] {
  const s = model.teamSheet;
  return s ? columns(s, TEAM_LABELS).filter((f) => f.key !== "col:unit") : [];
}

export const cellOf = (sheet: string, r: number, col: number): string => `${sheet}!${a1(r, col)}`;
