/** Stands in for Excel's CustomFunctions global: the error type a function must throw. */
export class CfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctions(): void {
  (globalThis as unknown as Record<string, unknown>).CustomFunctions = {
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!" },
  };
}

/** Calls f and returns the #VALUE! message it throws; fails if it returns or throws anything else. */
export function valueErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CfError);
    expect((e as CfError).code).toBe("#VALUE!");
    return (e as CfError).message;
  }
  throw new Error("expected #VALUE!, got a value");
}
