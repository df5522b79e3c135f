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
  {
    // The script an old engine must parse: ES3 (acorn holds it to that in tests), so no trailing commas.
    files: ["src/ui/legacy.js"],
    languageOptions: { parser: undefined, ecmaVersion: 3, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
    rules: { "prettier/prettier": ["error", { trailingComma: "none" }] },
  },
];
