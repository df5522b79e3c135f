/** A unit with nothing known yet: the one place that lists every field of Unit. */
import type { Unit } from "./types";

export function newUnit(key: string, name: string): Unit {
  return {
    key,
    name,
    category: "",
    team: null,
    teamGrade: null,
    teamGradePrev: null,
    teamGradeAt: null,
    cadres: [],
    principals: [],
    conflicts: [],
    teamRegularScore: null,
    teamPolitical: null,
  };
}
