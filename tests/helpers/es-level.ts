/**
 * What the 信创 browsers run (Chromium 80+, Firefox ESR 78+): ES2020 syntax, and no built-in newer than
 * that. acorn parses a script at ES2020 (newer syntax fails the parse); its tree is walked for calls of
 * built-ins added after ES2020 (String.prototype.replaceAll, Array.prototype.at, Object.hasOwn,
 * structuredClone …), which parse fine but throw "is not a function" on those engines.
 */
import * as acorn from "acorn";

/** Methods called on any object: too new when called (a property of that name alone is fine). */
const NEW_METHODS = new Set([
  "at", // ES2022 (Chromium 92, Firefox 90)
  "replaceAll", // ES2021 (Chromium 85, Firefox 77 — but 85 > 80)
  "findLast", // ES2023
  "findLastIndex",
  "toSorted",
  "toReversed",
  "toSpliced",
  "isWellFormed",
  "toWellFormed",
]);
/** Static methods, by their object. */
const NEW_STATICS: Record<string, string[]> = {
  Object: ["hasOwn", "groupBy"],
  Map: ["groupBy"],
  Promise: ["any", "withResolvers"],
  Array: ["fromAsync"],
};
/** Globals that do not exist there. */
const NEW_GLOBALS = new Set(["structuredClone", "WeakRef", "FinalizationRegistry", "AggregateError"]);

export interface TooNew {
  what: string;
  offset: number;
}

type AnyNode = acorn.Node & Record<string, unknown>;

function walk(node: unknown, visit: (n: AnyNode) => void): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  const n = node as AnyNode;
  if (typeof n.type !== "string") return;
  visit(n);
  for (const [k, v] of Object.entries(n)) if (k !== "type" && v && typeof v === "object") walk(v, visit);
}

const nameOf = (n: unknown): string | null => {
  const x = n as AnyNode | null;
  if (!x) return null;
  if (x.type === "Identifier") return x.name as string;
  if (x.type === "Literal" && typeof x.value === "string") return x.value;
  return null;
};

/** Throws acorn's SyntaxError for syntax newer than ES2020; returns the newer built-ins called. */
export function tooNew(source: string): TooNew[] {
  const tree = acorn.parse(source, { ecmaVersion: 2020, sourceType: "script", allowHashBang: true });
  const found: TooNew[] = [];
  walk(tree, (n) => {
    if (n.type === "CallExpression" || n.type === "NewExpression") {
      const callee = n.callee as AnyNode;
      if (callee.type === "Identifier" && NEW_GLOBALS.has(callee.name as string))
        found.push({ what: callee.name as string, offset: n.start });
      if (callee.type === "MemberExpression") {
        const prop = callee.computed ? nameOf(callee.property) : nameOf(callee.property);
        const obj = nameOf(callee.object);
        if (prop && NEW_METHODS.has(prop)) found.push({ what: `.${prop}()`, offset: n.start });
        if (prop && obj && NEW_STATICS[obj]?.includes(prop)) found.push({ what: `${obj}.${prop}()`, offset: n.start });
      }
    }
    if (n.type === "Identifier" && NEW_GLOBALS.has(n.name as string) && !found.some((f) => f.offset === n.start))
      found.push({ what: n.name as string, offset: n.start });
  });
  return found;
}
