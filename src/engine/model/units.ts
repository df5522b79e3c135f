/** Groups rows into units: the teams sheet first, then the cadres, with each unit's team grade and where it is. */
import type { Model, Unit } from "./types";

export function buildUnits(model: Model): void {
  const add = (key: string, name: string): Unit => {
    let u = model.unitByKey.get(key);
    if (!u) {
      u = {
        key,
        name,
        category: "",
        team: null,
        teamGrade: null,
        teamGradePrev: null,
        teamGradeAt: null,
        cadres: [],
        principals: [],
      };
      model.unitByKey.set(key, u);
      model.units.push(u);
    }
    return u;
  };
  const ts = model.teamSheet;
  for (const t of model.teams) {
    const u = add(t.unitKey, t.unit);
    if (u.team) continue; // a unit listed twice: the first row stands
    u.team = t;
    u.category = t.category;
    u.teamGrade = t.grade;
    u.teamGradePrev = t.gradePrev;
    if (ts && ts.cols.teamGrade !== undefined) u.teamGradeAt = { sheet: ts.name, r: t.r, c: ts.cols.teamGrade };
  }
  const cs = model.cadreSheet;
  for (const p of model.cadres) {
    const u = add(p.unitKey, p.unit);
    u.cadres.push(p);
    if (p.principal) u.principals.push(p);
    if (!u.team) {
      if (!u.category && p.category) u.category = p.category;
      // Team grade kept on the cadre rows: the first non-blank one stands (D08 reports disagreement).
      if (u.teamGrade === null && p.teamGrade !== null && cs?.cols.teamGrade !== undefined) {
        u.teamGrade = p.teamGrade;
        u.teamGradeAt = { sheet: cs.name, r: p.r, c: cs.cols.teamGrade };
      }
      if (u.teamGradePrev === null && p.teamGradePrev !== null) u.teamGradePrev = p.teamGradePrev;
    }
  }
}
