/**
 * Registers the KH functions in HyperFormula (GPL-3.0; tests only, never bundled), described by the
 * same metadata Excel reads: generated from the JSDoc by custom-functions-metadata.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import * as path from "path";
import * as KH from "../../src/functions/functions";

interface Param {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FnMeta {
  id: string;
  name: string;
  parameters: Param[];
}

function plain(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.data.map((r) => r.map(plain));
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // rich numbers (dates)
  return v;
}

function toCell(out: unknown): unknown {
  if (Array.isArray(out)) {
    if (out.length === 1 && out[0].length === 1) return toCell(out[0][0]);
    return new CellError(ErrorType.VALUE, "array results are not spilled in this test engine");
  }
  if (out instanceof Error) return new CellError(ErrorType.VALUE, out.message);
  return out;
}

let registered: FnMeta[] | null = null;

export async function registerKh(): Promise<FnMeta[]> {
  if (registered) return registered;
  const result = await generateCustomFunctionsMetadata(
    path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  );
  const meta = JSON.parse(result.metadataJson) as { functions: FnMeta[] };
  class KhPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const f of meta.functions) {
    const jsName = result.associate.find((a) => a.id === f.id)!.functionName as keyof typeof KH;
    const method = `kh_${f.id}`;
    const name = `KH.${f.name}`;
    implemented[name] = {
      method,
      parameters: f.parameters.map((p) => ({
        argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
        optionalArg: Boolean(p.optional),
      })),
    };
    translations[name] = name;
    (KhPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: unknown,
      ast: { args: unknown[] },
      state: unknown,
    ) {
      // runFunction and metadata are protected in HyperFormula's typings; plugins call them all the same.
      const self = this as { runFunction: (...a: unknown[]) => unknown; metadata: (n: string) => unknown };
      return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => {
        try {
          return toCell((KH[jsName] as (...a: unknown[]) => unknown)(...args.map(plain)));
        } catch (e) {
          return new CellError(ErrorType.VALUE, (e as Error).message);
        }
      });
    };
  }
  (KhPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KhPlugin as never, { enGB: translations });
  registered = meta.functions;
  return registered;
}
