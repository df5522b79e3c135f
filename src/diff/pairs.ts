/**
 * Who in the first submission is who in the resubmission: the same 身份证号 where both rows have one, else
 * the same unit and name (an ID on one side only does not part them; two different IDs do). A renamed or
 * moved person found by ID is said as such; without IDs, a name that left one unit and appeared in another
 * is said as a possible move and never paired.
 */
import { nameKey, unitKey, type CadreRow } from "../engine";

export interface Pair {
  before: CadreRow;
  after: CadreRow;
  by: "id" | "name";
}

export interface Pairing {
  pairs: Pair[];
  added: CadreRow[];
  removed: CadreRow[];
  /** Unpaired rows whose name is found, unpaired too, in another unit on the other side: the units there. */
  elsewhere: Map<CadreRow, string[]>;
}

function take(list: CadreRow[], used: Set<CadreRow>, fits: (p: CadreRow) => boolean): CadreRow | undefined {
  const p = list.find((x) => !used.has(x) && fits(x));
  if (p) used.add(p);
  return p;
}

const group = (rows: CadreRow[], key: (p: CadreRow) => string) => {
  const m = new Map<string, CadreRow[]>();
  for (const p of rows) {
    const k = key(p);
    if (!k) continue;
    const list = m.get(k);
    if (list) list.push(p);
    else m.set(k, [p]);
  }
  return m;
};

export function pairPeople(before: CadreRow[], after: CadreRow[]): Pairing {
  const used = new Set<CadreRow>();
  const pairs: Pair[] = [];
  const byId = group(before, (p) => p.idNumber);
  const byName = group(before, (p) => `${p.unitKey}\u0000${nameKey(p.name)}`);
  const unpaired: CadreRow[] = [];
  for (const a of after) {
    const b = a.idNumber ? take(byId.get(a.idNumber) ?? [], used, () => true) : undefined;
    if (b) pairs.push({ before: b, after: a, by: "id" });
    else unpaired.push(a);
  }
  const added: CadreRow[] = [];
  for (const a of unpaired) {
    const b = take(
      byName.get(`${a.unitKey}\u0000${nameKey(a.name)}`) ?? [],
      used,
      (x) => !x.idNumber || !a.idNumber || x.idNumber === a.idNumber,
    );
    if (b) pairs.push({ before: b, after: a, by: "name" });
    else added.push(a);
  }
  const removed = before.filter((b) => !used.has(b));
  const elsewhere = new Map<CadreRow, string[]>();
  const note = (rows: CadreRow[], others: CadreRow[]) => {
    const units = group(others, (p) => nameKey(p.name));
    for (const p of rows) {
      const there = (units.get(nameKey(p.name)) ?? []).filter((o) => unitKey(o.unit) !== p.unitKey).map((o) => o.unit);
      if (there.length) elsewhere.set(p, [...new Set(there)].sort());
    }
  };
  note(added, removed);
  note(removed, added);
  pairs.sort((x, y) => x.after.r - y.after.r);
  return { pairs, added, removed, elsewhere };
}
