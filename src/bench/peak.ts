/** Child process of the benchmark: checks one file as the CLI does and reports its peak memory. */
import { main } from "../cli/main";

const sink = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
main(["check", process.argv[2], "--json"], sink, sink).then((code) => {
  process.stdout.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
});
