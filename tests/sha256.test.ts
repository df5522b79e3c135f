import { createHash } from "crypto";
import fc from "fast-check";
import { sha256Hex } from "../src/engine/sha256";

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
  it("agrees with Node's crypto on any text, Chinese and block edges included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.fullUnicodeString({ maxLength: 80 }),
          fc.integer({ min: 50, max: 130 }).map((n) => "考".repeat(n)),
        ),
        (s) => sha256Hex(s) === createHash("sha256").update(s, "utf8").digest("hex"),
      ),
    );
  });
});

describe("a page's SHA-256 for recognizing copies (batch/intake)", () => {
  it("without crypto.subtle (a page over plain http) the engine's own, with the same digest; copies still recognized", async () => {
    const bytes = new TextEncoder().encode("甲局交回的工作簿".repeat(5000));
    const { pageSha256, Intake } = await import("../src/batch/intake");
    const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    let fallback: typeof pageSha256 | undefined;
    let FallbackIntake: typeof Intake | undefined;
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ({ pageSha256: fallback, Intake: FallbackIntake } = require("../src/batch/intake"));
      });
    } finally {
      Object.defineProperty(globalThis, "crypto", saved);
    }
    expect(fallback).not.toBe(pageSha256); // the module without crypto chose the engine's hash
    expect(await fallback!(bytes)).toBe(await pageSha256(bytes));
    expect(await pageSha256(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    const intake = new FallbackIntake!(fallback!);
    expect(await intake.admit("甲局.xlsx", bytes)).toBeNull();
    expect(await intake.admit("甲局 - 副本.xlsx", bytes)).toMatchObject({
      file: "甲局 - 副本.xlsx",
      status: "skipped",
    });
  });
});
