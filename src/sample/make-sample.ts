/** `npm run sample`: writes examples/sample.xlsx (deterministic, so the committed file can be rebuilt). */
import * as path from "path";
import { sampleBook } from "./generate";
import { writeBook } from "./write";

const out = process.argv[2] ?? path.join(__dirname, "..", "..", "examples", "sample.xlsx");
writeBook(out, sampleBook()).then(() => console.log(`wrote ${out}`));
