/**
 * Writes sized by bytes: Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded,
 * "Resource limits and performance optimization for Office Add-ins"). Writers reserve what they queue and
 * sync before a batch would pass the budget, so a table of any size goes in blocks.
 */

/** Under the 5 MB limit with room for Office.js's own framing of each action. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** What a payload weighs as Office.js sends it (JSON, UTF-8). */
export function jsonBytes(payload: unknown): number {
  return encoder.encode(JSON.stringify(payload) ?? "").length;
}

export class RequestBudget {
  private used = 0;
  syncs = 0;
  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly limit = REQUEST_BUDGET,
  ) {}

  /** Reserves `bytes` for what the caller queues next, syncing what is queued first when they would not fit. */
  async take(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      this.syncs++;
      await this.context.sync();
      this.used = 0;
    }
    this.used += bytes;
  }

  /** How many whole rows from `from` fit in one request, at least one (a row wider than the budget goes alone). */
  rowsThatFit(rowBytes: number[], from: number): number {
    let n = 0;
    let sum = 0;
    while (from + n < rowBytes.length && (n === 0 || sum + rowBytes[from + n] <= this.limit))
      sum += rowBytes[from + n++];
    return n;
  }
}
