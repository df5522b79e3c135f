/** Long runs report where they are and stop between syncs when the user cancels. */

export interface Signal {
  readonly aborted: boolean;
}

/** stage, done, total (cells for "values"). */
export type Progress = (stage: "sheets" | "values" | "check" | "write", done: number, total: number) => void;

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}
