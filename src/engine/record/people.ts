/**
 * Who is who across two workbooks (the record of past years, a resubmission): by 身份证号 where both sides
 * have it, else by unit and name — and a name found in two units is matched by name nowhere, never guessed.
 */
import { fold } from "../text";

/** A name as compared: no spaces (王  伟 pads a two-character name), half-width, upper case. */
export const nameKey = (name: string): string => fold(name).toUpperCase();

export const unitNameKey = (unitKey: string, name: string): string => `${unitKey}\u0000${nameKey(name)}`;

/** The people of one side, indexed for matching. */
export interface PeopleIndex<T> {
  byId: Map<string, T[]>;
  byUnitName: Map<string, T[]>;
  /** Per name, the units it appears in (key → the unit as written). */
  unitsByName: Map<string, Map<string, string>>;
}

export interface Person {
  unit: string;
  unitKey: string;
  name: string;
  idNumber: string;
}

export function indexPeople<T extends Person>(people: Iterable<T>): PeopleIndex<T> {
  const byId = new Map<string, T[]>();
  const byUnitName = new Map<string, T[]>();
  const unitsByName = new Map<string, Map<string, string>>();
  const push = <K>(m: Map<K, T[]>, k: K, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const p of people) {
    if (p.idNumber) push(byId, p.idNumber, p);
    push(byUnitName, unitNameKey(p.unitKey, p.name), p);
    const n = nameKey(p.name);
    let units = unitsByName.get(n);
    if (!units) unitsByName.set(n, (units = new Map()));
    // The smallest spelling of a unit, so that what is said never depends on the order of rows.
    const seen = units.get(p.unitKey);
    if (seen === undefined || p.unit < seen) units.set(p.unitKey, p.unit);
  }
  return { byId, byUnitName, unitsByName };
}

/** How a person was found on the other side, or why not. */
export type Matched<T> =
  | { by: "id" | "name"; found: T[] }
  | { by: null; reason: "absent" }
  | { by: null; reason: "nameInUnits"; units: string[] };

/**
 * The other side's rows for `p`: those of its ID number when both sides have one; else those of its unit and
 * name that carry no other ID number — unless the name appears in two units on either side.
 */
export function matchPerson<T extends Person>(p: Person, other: PeopleIndex<T>, mine: PeopleIndex<Person>): Matched<T> {
  if (p.idNumber) {
    const byId = other.byId.get(p.idNumber);
    if (byId?.length) return { by: "id", found: byId };
  }
  const n = nameKey(p.name);
  const units = new Map([...(mine.unitsByName.get(n) ?? []), ...(other.unitsByName.get(n) ?? [])]);
  if (units.size > 1 && (other.unitsByName.get(n)?.size ?? 0) > 0)
    return { by: null, reason: "nameInUnits", units: [...units.values()].sort() };
  const found = (other.byUnitName.get(unitNameKey(p.unitKey, p.name)) ?? []).filter((e) => !e.idNumber || !p.idNumber);
  return found.length ? { by: "name", found } : { by: null, reason: "absent" };
}
