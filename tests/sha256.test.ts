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
