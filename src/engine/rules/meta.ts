/**
 * Every rule's metadata without its check: what KH.RULE, the 规则 sheet and the runner read. Importing
 * only the *_META of a rule file lets the bundler drop the checks a bundle never runs (functions.js).
 */
import { AUDIT_RULES } from "./audit";
import { H01, H02, H03, H06 } from "./history";
import { A01_META, A02_META } from "./audit";
import { D01_META, D02_META, D03_META, D04_META, D05_META, D06_META, D07_META, D08_META, D09_META } from "./data";
import { E01_META, E02_META, E03_META, E04_META, E05_META, E06_META, E07_META, E08_META } from "./eligibility";
import { H04_META, H05_META, H07_META } from "./history";
import { L01_META, L02_META, L03_META, L04_META, L05_META, L06_META } from "./links";
import { Q01_META, Q02_META, Q03_META, Q04_META, Q05_META } from "./quota";
import { S01_META, S02_META, S03_META, S04_META } from "./scores";
import { T01_META, T02_META, T04_META, T03_META } from "./terms";
import type { RuleMeta } from "./types";

const METAS: RuleMeta[] = [
  A01_META,
  A02_META,
  D01_META,
  D02_META,
  D03_META,
  D04_META,
  D05_META,
  D06_META,
  D07_META,
  D08_META,
  D09_META,
  E01_META,
  E02_META,
  E03_META,
  E04_META,
  E05_META,
  E06_META,
  E07_META,
  E08_META,
  H04_META,
  H05_META,
  H07_META,
  L01_META,
  L02_META,
  L03_META,
  L04_META,
  L05_META,
  L06_META,
  Q01_META,
  Q02_META,
  Q03_META,
  Q04_META,
  Q05_META,
  S01_META,
  S02_META,
  S03_META,
  S04_META,
  T01_META,
  T02_META,
  T04_META,
  T03_META,
  ...[H01, H02, H03, H06, ...AUDIT_RULES.slice(2)].map((r) => r.meta),
];

export const RULE_META: ReadonlyMap<string, RuleMeta> = new Map(METAS.map((m) => [m.id, m]));
