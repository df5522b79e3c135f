/** A ruleset JSON file picked in the page: read as `kaohe --ruleset file.json` reads it (its own chunk). */
export { rulesetFromText } from "../ruleset-file/read";
