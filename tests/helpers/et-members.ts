/**
 * Which members of WPS's ET object model the WPS host uses, read with the TypeScript compiler: every
 * property access in the host's files whose receiver is typed by et-jsapi-declare, with where the member
 * is declared — and every access on a receiver typed `any`, where a wrong name would pass unseen.
 */
import * as ts from "typescript";
import * as path from "path";

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

function options(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
}

const fromEt = (decls: readonly ts.Declaration[] | undefined) =>
  Boolean(decls?.some((d) => path.resolve(d.getSourceFile().fileName).includes(ET)));

/** Uses in `files`; `extra` adds in-memory sources (a planted case). */
export function etUses(files: string[], extra: Record<string, string> = {}): EtUse[] {
  const opts = options();
  const host = ts.createCompilerHost(opts);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => extra[path.resolve(f)] ?? read(f);
  host.fileExists = (f) => path.resolve(f) in extra || exists(f);
  const program = ts.createProgram([...files, ...Object.keys(extra)], opts, host);
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
