/** A writable that keeps what is written, for running the CLI in-process. */
export class Capture {
  text = "";
  isTTY = false;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
  get stream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

/** `kaohe …` run in-process: its exit status and what it wrote. */
export async function runKaohe(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  // Loaded here so that helpers which only capture streams stay free of the CLI.
  const { main } = await import("../../src/cli/main");
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out.stream, err.stream);
  return { code, out: out.text, err: err.text };
}
