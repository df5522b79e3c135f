/** Reading the cells of one row into typed values; what cannot be read is kept as a bad cell (D01 / D06). */
import { parseGrade, type Grade, type ScaleId } from "../grades";
import type { SanctionRow } from "../ruleset/types";
import { cellText, fold, isBlank, isErrorValue, MISSING_STRING, unitKey } from "../text";
import { parseCount, parseDate, parsePercent, parseScore, parseYesNo, type Day, type Parsed } from "../values";
import type { CadreCol } from "./columns";
import type { BadCell, BadKind, CadreRow } from "./types";

export const NO_SANCTIONS: SanctionRow[] = [];
const NO_BAD: BadCell[] = [];

/** One reader walks every row of a sheet; `bad` is allocated only for rows that have bad cells. */
export class RowReader {
  bad: BadCell[] = NO_BAD;
  row: unknown[] = [];
  /** The row's formula texts, where the sheet was read with them. */
  formulas: (string | null)[] | undefined = undefined;
  /** Per column, the row of the merged cell whose value came down into this row. */
  anchors: Map<number, number> | undefined = undefined;
  constructor(
    private readonly headers: string[],
    private readonly sanctionIndex: Map<string, SanctionRow>,
  ) {}

  onRow(row: unknown[], formulas?: (string | null)[], anchors?: Map<number, number>): this {
    this.row = row;
    this.formulas = formulas;
    this.anchors = anchors;
    this.bad = NO_BAD;
    return this;
  }

  private addBad(b: BadCell): void {
    if (this.bad === NO_BAD) this.bad = [];
    const anchorRow = this.anchors?.get(b.col);
    this.bad.push(anchorRow === undefined ? b : { ...b, anchorRow });
  }

  private raw(col: number | undefined): unknown {
    return col === undefined ? null : this.row[col];
  }

  /** A cell whose value cannot be known (D09): an error value, or a formula never calculated. */
  private unknown(col: number, v: unknown): boolean {
    if (v === MISSING_STRING) {
      this.addBad({ col, kind: "missing", text: v, header: this.headers[col] ?? "" });
      return true;
    }
    if (isErrorValue(v)) {
      this.addBad({ col, kind: "error", text: String(v), header: this.headers[col] ?? "" });
      return true;
    }
    const f = (v === null || v === undefined) && this.formulas?.[col];
    if (f) this.addBad({ col, kind: "uncalculated", text: f, header: this.headers[col] ?? "" });
    return !!f;
  }

  private take<T>(col: number | undefined, kind: BadKind, parse: (v: unknown) => Parsed<T>, scale?: ScaleId): T | null {
    if (col === undefined) return null;
    const v = this.raw(col);
    if (this.unknown(col, v) || isBlank(v)) return null;
    const p = parse(v);
    if (p.ok) return p.value;
    this.addBad({ col, kind, text: cellText(v), header: this.headers[col] ?? "", scale });
    return null;
  }

  /** Text; an unknown cell reads as "" — or, with `shown`, as what Excel shows (a 姓名 of #NAME? still counts). */
  text(col: number | undefined, shown = false): string {
    if (col === undefined) return "";
    const v = this.raw(col);
    if (!this.unknown(col, v)) return cellText(v);
    return shown ? (isErrorValue(v) ? String(v) : (this.formulas?.[col] ?? "")) : "";
  }

  grade(col: number | undefined, scale: ScaleId): Grade | null {
    return this.take(
      col,
      "grade",
      (v) => {
        const p = parseGrade(cellText(v), scale);
        return p.ok ? { ok: true, value: p.grade } : p;
      },
      scale,
    );
  }

  yesNo(col: number | undefined): boolean | null {
    return this.take(col, "yesno", parseYesNo);
  }

  score(col: number | undefined): number | null {
    return this.take(col, "score", (v) => parseScore(v));
  }

  percent(col: number | undefined): number | null {
    return this.take(col, "percent", parsePercent);
  }

  date(col: number | undefined): Day | null {
    return this.take(col, "date", parseDate);
  }

  count(col: number | undefined): number | null {
    return this.take(col, "count", parseCount);
  }

  /** Several sanctions in one cell: 警告、诫勉. Blank or 无 is none. */
  sanctions(col: number | undefined): SanctionRow[] {
    const v = this.raw(col);
    if (col === undefined || isBlank(v)) return NO_SANCTIONS;
    const parts = fold(cellText(v))
      .split(/[,，、;；/|和及]+/)
      .filter(Boolean);
    const out: SanctionRow[] = [];
    for (const p of parts) {
      if (p === "无" || p === "-" || p === "—") continue;
      const s = this.sanctionIndex.get(p);
      if (s) out.push(s);
      else this.addBad({ col, kind: "sanction", text: cellText(v), header: this.headers[col] ?? "" });
    }
    return out;
  }
}

export function sanctionIndex(rows: SanctionRow[]): Map<string, SanctionRow> {
  const m = new Map<string, SanctionRow>();
  for (const s of rows) for (const n of [s.name, ...s.aliases]) m.set(fold(n), s);
  return m;
}

/** One cadre row; `name` is already read (it decides whether the row is a cadre at all). */
export function readCadreRow(
  rd: RowReader,
  c: Partial<Record<CadreCol, number>>,
  r: number,
  name: string,
  scale: ScaleId,
  historyLen: number,
  historyCols: { col: number; back: number }[],
  hasSanctions: boolean,
  teamScale: ScaleId = "team",
): CadreRow {
  const unit = rd.text(c.unit);
  const history: (Grade | null)[] = new Array(historyLen).fill(null);
  for (const h of historyCols) history[h.back - 1] = rd.grade(h.col, scale);
  return {
    r,
    unit,
    unitKey: unitKey(unit),
    name,
    idNumber: fold(rd.text(c.idNumber)).toUpperCase(),
    principal: rd.yesNo(c.principal),
    grade: rd.grade(c.grade, scale),
    history,
    regularScore: rd.score(c.regularScore),
    political: rd.grade(c.politicalQuality, "political"),
    sanctions: hasSanctions
      ? [rd.sanctions(c.sanction), rd.sanctions(c.sanctionPrev1), rd.sanctions(c.sanctionPrev2)]
      : NO_SANCTION_YEARS,
    faultTolerated: rd.yesNo(c.faultTolerated),
    proposedPromotion: rd.yesNo(c.proposedPromotion),
    probation: rd.yesNo(c.probation),
    underReview: rd.yesNo(c.underReview),
    appointedOn: rd.date(c.appointedOn),
    predecessorAppointedOn: rd.date(c.predecessorAppointedOn),
    termNo: rd.count(c.termNo),
    termEnd: rd.date(c.termEnd),
    yearEnd: rd.score(c.yearEndScore),
    survey: rd.score(c.surveyScore),
    composite: rd.score(c.compositeScore),
    proposedGrade: rd.grade(c.proposedGrade, scale),
    teamGrade: rd.grade(c.teamGrade, teamScale),
    teamGradePrev: rd.grade(c.teamGradePrev, teamScale),
    teamRegularScore: rd.score(c.teamRegularScore),
    teamPolitical: rd.grade(c.teamPoliticalQuality, "political"),
    category: rd.text(c.category),
    democraticLow: rd.percent(c.democraticLow),
    bad: rd.bad,
  };
}

const NO_SANCTION_YEARS = [NO_SANCTIONS, NO_SANCTIONS, NO_SANCTIONS];
