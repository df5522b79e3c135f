/** Documents generated from the code stay equal to it, and the repository points only at what it holds. */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { columnsMarkdown } from "../src/docs/columns";
import { CADRE_LABELS, TEAM_LABELS } from "../src/engine";

const root = path.join(__dirname, "..");

describe("docs/", () => {
  it("columns.md is what the code says (run npm run docs after changing columns or rules)", () => {
    expect(readFileSync(path.join(root, "docs", "columns.md"), "utf8")).toBe(columnsMarkdown());
    for (const label of [...Object.values(CADRE_LABELS), ...Object.values(TEAM_LABELS)])
      expect(columnsMarkdown()).toContain(`| ${label} |`);
  });

  it("README, docs and configs cite only files inside the repository", () => {
    const texts = [
      "README.md",
      ".npmrc",
      "docs/cli.md",
      "docs/workbook.md",
      "docs/toolchain.md",
      "src/cli/main.ts",
    ].map((f) => readFileSync(path.join(root, f), "utf8"));
    for (const t of texts) {
      expect(t).not.toMatch(/shared\/(spec|notes)\//);
      for (const m of t.matchAll(/\]\(((?:docs|src|tests|examples|scripts)\/[^)#\s]+)\)/g))
        expect(existsSync(path.join(root, m[1]))).toBe(true);
    }
  });
});
