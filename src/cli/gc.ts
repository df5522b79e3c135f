/**
 * A full garbage collection between the heavy steps of `kaohe merge`. V8 collects lazily: a large return's
 * model, dropped once its rows are taken, stays on the heap as garbage while the next files and the
 * consolidated model are built, and the peaks stack (a 100,000-row merge peaked 1.9 × its check). Asking
 * for a collection at those points keeps the peak near the check's. V8 gives the function only to a context
 * made after --expose-gc is set; where that is refused, nothing is collected early and nothing breaks.
 */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
