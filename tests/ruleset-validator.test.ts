/** The ruleset-file validator is compiled ahead of time from its schema (no eval in a page): never stale. */
import { readFileSync } from "fs";
import * as path from "path";
import Ajv from "ajv";
import { validatorSource } from "../src/ruleset-file/generate";
import { RULESET_SCHEMA } from "../src/ruleset-file/schema";
import generated from "../src/ruleset-file/validate.generated";

describe("validate.generated.ts", () => {
  it("is what `npm run codegen` makes of schema.ts now", () => {
    const committed = readFileSync(path.join(__dirname, "..", "src", "ruleset-file", "validate.generated.ts"), "utf8");
    expect(committed).toBe(validatorSource());
  });

  it("judges files as ajv.compile does, errors included", () => {
    const compiled = new Ajv({ allErrors: true, strict: false }).compile(RULESET_SCHEMA);
    const v = generated as unknown as typeof compiled;
    const cases: unknown[] = [
      { id: "x" },
      { id: "x", extends: "jinan-2022", params: { teamShares: [1, 2, 3] } },
      { id: "a b", rules: { L2: false, Q01: { severity: "fatal" } } },
      { id: "x", params: { quota: { rounding: "up", minimum: -1 }, regularScore: 90 } },
      { title: { en: "no zh" } },
      "not an object",
    ];
    for (const c of cases) {
      expect(v(c)).toBe(compiled(c));
      expect(v.errors ?? null).toEqual(compiled.errors ?? null);
    }
  });
});
