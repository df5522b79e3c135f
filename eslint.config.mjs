// office-addin-lint uses this file when present: the Office add-ins recommended rules (load before
// read, no context.sync() in loops, …) with TypeScript's parser.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // The TypeScript compiler (strict) already rejects undefined names, with the right globals per file.
    files: ["**/*.ts"],
    rules: { "no-undef": "off" },
  },
];
