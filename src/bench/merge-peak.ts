/** Child process of the benchmark: `kaohe merge <folder> --out <file>` as the CLI runs it, and its peak memory. */
import { main } from "../cli/main";

const sink = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
main(["merge", process.argv[2], "--out", process.argv[3], "--json"], sink, sink).then((code) => {
  process.stdout.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
});
