/**
 * Which members of WPS's ET object model the WPS host uses, read with the TypeScript compiler: every
 * property access in the host's files whose receiver is typed by et-jsapi-declare, with where the member
 * is declared — and every access on a receiver typed `any`, where a wrong name would pass unseen.
 */
import * as ts from "typescript";
import * as path from "path";
import { programOf } from "./ts-program";

const ROOT = path.join(__dirname, "..", "..");
const ET = `${path.sep}et-jsapi-declare${path.sep}`;

export interface EtUse {
  file: string;
  line: number;
  member: string;
  /** Declared in et-jsapi-declare (true), elsewhere (false: the host's own names). */
  declaredByWps: boolean;
  /** The receiver is typed `any`: nothing checks the member's name. */
  untyped: boolean;
}

const fromEt = (decls: readonly ts.Declaration[] | undefined) =>
  Boolean(decls?.some((d) => path.resolve(d.getSourceFile().fileName).includes(ET)));

/** Uses in `files`; `extra` adds in-memory sources (a planted case). */
export function etUses(files: string[], extra: Record<string, string> = {}): EtUse[] {
  const program = programOf(files, extra);
  const checker = program.getTypeChecker();
  const wanted = new Set([...files, ...Object.keys(extra)].map((f) => path.resolve(f)));
  const uses: EtUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        const receiver = checker.getTypeAtLocation(n.expression);
        const untyped = (receiver.flags & ts.TypeFlags.Any) !== 0;
        const symbol = checker.getSymbolAtLocation(n.name);
        const receiverFromEt = fromEt(receiver.getSymbol()?.declarations) || fromEt(receiver.aliasSymbol?.declarations);
        if (untyped || receiverFromEt || fromEt(symbol?.declarations)) {
          uses.push({
            file: path.relative(ROOT, sf.fileName),
            line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1,
            member: n.name.getText(),
            declaredByWps: fromEt(symbol?.declarations),
            untyped,
          });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}
