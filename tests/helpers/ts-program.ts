/**
 * The add-in's sources as the TypeScript compiler sees them under the project's tsconfig, with in-memory
 * files added (a planted case): what the member-use checks (api-sets, et-members) walk.
 */
import * as ts from "typescript";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

export function programOf(files: string[], extra: Record<string, string> = {}): ts.Program {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const opts = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
  const host = ts.createCompilerHost(opts);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => extra[path.resolve(f)] ?? read(f);
  host.fileExists = (f) => path.resolve(f) in extra || exists(f);
  return ts.createProgram([...files, ...Object.keys(extra)], opts, host);
}
