/** `npm run docs`: writes the generated documents (docs/columns.md). */
import { writeFileSync } from "fs";
import * as path from "path";
import { columnsMarkdown } from "./columns";

const file = path.join(__dirname, "..", "..", "docs", "columns.md");
writeFileSync(file, columnsMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
