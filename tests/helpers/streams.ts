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
