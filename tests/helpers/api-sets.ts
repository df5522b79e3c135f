/**
 * Which Office.js members the add-in calls, and the ExcelApi requirement set each needs — read with the
 * TypeScript compiler from the `[Api set: ExcelApi 1.x]` lines of @types/office-js. A use counts as
 * guarded when it sits under an `if` whose condition asks `isSetSupported("ExcelApi", "1.y")` (directly
 * or through a helper function that does) with y at least x.
 */
import * as ts from "typescript";
import * as path from "path";

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

function options(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** Every Excel member used in `files`; `extra` adds in-memory sources (for a planted case). */
export function excelApiUses(files: string[], extra: Record<string, string> = {}): ApiUse[] {
  const opts = { ...options(), noEmit: true };
  const host = ts.createCompilerHost(opts);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => extra[path.resolve(f)] ?? read(f);
  host.fileExists = (f) => path.resolve(f) in extra || exists(f);
  const program = ts.createProgram([...files, ...Object.keys(extra)], opts, host);
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  const guardOf = (cond: ts.Expression): number | null => {
    let best: number | null = null;
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        let g = minor(GUARD.exec(n.getText()));
        if (g === null) {
          const decl = checker.getSymbolAtLocation(n.expression)?.declarations?.[0];
          if (decl) g = minor(GUARD.exec(decl.getText()));
        }
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
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        const decl = symbol?.declarations?.find((d) => d.getSourceFile().fileName.includes("@types/office-js"));
        if (symbol && decl) {
          // The set is written under @remarks: read the comment and its tags.
          const doc = [
            ts.displayPartsToString(symbol.getDocumentationComment(checker)),
            ...symbol.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)),
          ].join("\n");
          const v = minor(API_SET.exec(doc));
          if (v !== null) {
            const parentName =
              (decl.parent as ts.ClassDeclaration | ts.InterfaceDeclaration | undefined)?.name?.getText() ?? "";
            uses.push({
              file: path.relative(ROOT, name),
              line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1,
              member: `${parentName}.${n.name.getText()}`,
              version: v,
              guard: guarded(n),
            });
          }
        }
      }
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
