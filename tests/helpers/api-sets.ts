/**
 * Which Office.js members the add-in calls or loads, and the ExcelApi requirement set each needs — read
 * with the TypeScript compiler from the `[Api set: ExcelApi 1.x]` lines of @types/office-js. Members are
 * found as property accesses and as the names in `load("a,b/c")` strings (items/ and nested paths
 * followed). A use counts as guarded when it sits under an `if` whose condition asks
 * `isSetSupported("ExcelApi", "1.y")` (directly or through a helper function that does) with y at least
 * x — asked, not negated: under `if (!isSetSupported(…))` the call runs exactly where the set is missing.
 */
import * as ts from "typescript";
import * as path from "path";
import { programOf } from "./ts-program";

export interface ApiUse {
  file: string;
  line: number;
  member: string;
  version: number;
  guard: number | null;
}

const ROOT = path.join(__dirname, "..", "..");
const API_SET = /\[Api set: ExcelApi (\d+)\.(\d+)/;
const GUARD = /isSetSupported\(\s*"ExcelApi"\s*,\s*"(\d+)\.(\d+)"\s*\)/;
const minor = (m: RegExpExecArray | null) => (m ? Number(m[1]) * 100 + Number(m[2]) : null);

/** 1.14 → 114, so versions compare as numbers. */
export const version = (v: string) => minor(/^(\d+)\.(\d+)$/.exec(v))!;
export const versionText = (n: number) => `${Math.floor(n / 100)}.${n % 100}`;

/** Every Excel member used in `files`; `extra` adds in-memory sources (for a planted case). */
export function excelApiUses(files: string[], extra: Record<string, string> = {}): ApiUse[] {
  const program = programOf(files, extra);
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  /** Whether `n` is negated on its way up to `top`: an odd number of `!`, or a comparison with false. */
  const negated = (n: ts.Node, top: ts.Node): boolean => {
    let odd = false;
    for (let x: ts.Node = n; x !== top && x.parent; x = x.parent) {
      const p = x.parent;
      if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) odd = !odd;
      if (ts.isBinaryExpression(p)) {
        const other = p.left === x ? p.right : p.left;
        const op = p.operatorToken.kind;
        const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
        const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
        const value =
          other.kind === ts.SyntaxKind.FalseKeyword ? false : other.kind === ts.SyntaxKind.TrueKeyword ? true : null;
        if (value !== null && ((eq && !value) || (ne && value))) odd = !odd;
      }
    }
    return odd;
  };

  /** The highest set an isSetSupported call inside `within` asks for, counting only calls not negated. */
  const asked = (within: ts.Node): number | null => {
    let best: number | null = null;
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && /isSetSupported$/.test(n.expression.getText()) && !negated(n, within)) {
        const g = minor(GUARD.exec(n.getText()));
        if (g !== null) best = Math.max(best ?? 0, g);
      }
      ts.forEachChild(n, visit);
    };
    visit(within);
    return best;
  };

  const guardOf = (cond: ts.Expression): number | null => {
    let best = asked(cond);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && !negated(n, cond)) {
        // A helper that asks (canSetPageLayout(), hasTriggerSource()): its own body, read the same way.
        const decl = checker.getSymbolAtLocation(n.expression)?.declarations?.[0];
        const g = decl ? asked(decl) : null;
        if (g !== null) best = Math.max(best ?? 0, g);
      }
      ts.forEachChild(n, visit);
    };
    visit(cond);
    return best;
  };

  const guarded = (node: ts.Node): number | null => {
    let best: number | null = null;
    for (let n: ts.Node | undefined = node; n; n = n.parent) {
      const parent: ts.Node | undefined = n.parent;
      if (parent && ts.isIfStatement(parent) && parent.thenStatement === n) {
        const g = guardOf(parent.expression);
        if (g !== null) best = Math.max(best ?? 0, g);
      }
    }
    return best;
  };

  for (const sf of program.getSourceFiles()) {
    const name = path.resolve(sf.fileName);
    if (!files.map((f) => path.resolve(f)).includes(name) && !(name in extra)) continue;
    /** Records a use of an office-js member at `at`, when its documentation names an ExcelApi set. */
    const record = (symbol: ts.Symbol | undefined, member: string, at: ts.Node): void => {
      const decl = symbol?.declarations?.find((d) => d.getSourceFile().fileName.includes("@types/office-js"));
      if (!symbol || !decl) return;
      // The set is written under @remarks: read the comment and its tags.
      const doc = [
        ts.displayPartsToString(symbol.getDocumentationComment(checker)),
        ...symbol.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)),
      ].join("\n");
      const v = minor(API_SET.exec(doc));
      if (v === null) return;
      const parentName =
        (decl.parent as ts.ClassDeclaration | ts.InterfaceDeclaration | undefined)?.name?.getText() ?? "";
      uses.push({
        file: path.relative(ROOT, name),
        line: sf.getLineAndCharacterOfPosition(at.getStart()).line + 1,
        member: `${parentName}.${member}`,
        version: v,
        guard: guarded(at),
      });
    };
    /** `x.load("a,items/b/c")`: each name walked from x's type, an array (items) read as its element. */
    const loads = (call: ts.CallExpression, receiver: ts.Expression): void => {
      const strings: ts.StringLiteralLike[] = [];
      const collect = (n: ts.Node) => {
        if (ts.isStringLiteralLike(n)) strings.push(n);
        ts.forEachChild(n, collect);
      };
      call.arguments.forEach(collect);
      for (const lit of strings) {
        for (const p of lit.text
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)) {
          let type: ts.Type | undefined = checker.getTypeAtLocation(receiver).getNonNullableType();
          for (const seg of p.split("/")) {
            const prop: ts.Symbol | undefined = type ? checker.getPropertyOfType(type, seg) : undefined;
            if (!prop) break;
            record(prop, seg, lit);
            const t = checker.getTypeOfSymbolAtLocation(prop, call).getNonNullableType();
            type = checker.isArrayType(t) ? checker.getTypeArguments(t as ts.TypeReference)[0] : t;
          }
        }
      }
    };
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) record(checker.getSymbolAtLocation(n.name), n.name.getText(), n);
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "load")
        loads(n, n.expression.expression);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Uses above the baseline that no guard covers. */
export function unguardedAbove(uses: ApiUse[], baseline: number): ApiUse[] {
  return uses.filter((u) => u.version > baseline && (u.guard === null || u.guard < u.version));
}
