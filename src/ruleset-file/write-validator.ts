/** `npm run codegen`: writes src/ruleset-file/validate.generated.ts from the schema. */
import { writeFileSync } from "fs";
import * as path from "path";
import { validatorSource } from "./generate";

const target = path.join(__dirname, "..", "..", "src", "ruleset-file", "validate.generated.ts");
writeFileSync(target, validatorSource());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
