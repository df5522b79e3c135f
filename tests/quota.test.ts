import fc from "fast-check";
import { computeQuota, type Rounding } from "../src/engine";

const floor = { rounding: "floor" as Rounding, minimum: 0 };

describe("quota arithmetic (rules.md §3)", () => {
  it("never lets floating point decide: 10 × 30% is 3, and other exact products stay exact", () => {
    expect(computeQuota(10, 30, floor).quota).toBe(3);
    expect(computeQuota(20, 15, floor).quota).toBe(3);
    expect(computeQuota(100, 7, floor).quota).toBe(7);
    expect(computeQuota(1000, 0.1 + 0.2 - 0.2, floor).quota).toBe(1); // 0.1% of 1000, written awkwardly
    // The naive float way is wrong here: 100 × 0.29 is 28.999999999999996, floored to 28.
    expect(Math.floor(100 * 0.29)).toBe(28);
    expect(computeQuota(100, 29, floor).quota).toBe(29);
    expect(computeQuota(10, 10 * (0.1 + 0.2) * 10, floor).quota).toBe(3);
  });

  it("rounds per the ruleset: floor, round-half-up, ceil", () => {
    expect(computeQuota(25, 10, floor).quota).toBe(2);
    expect(computeQuota(25, 10, { rounding: "round-half-up", minimum: 0 }).quota).toBe(3);
    expect(computeQuota(24, 10, { rounding: "round-half-up", minimum: 0 }).quota).toBe(2);
    expect(computeQuota(21, 10, { rounding: "ceil", minimum: 0 }).quota).toBe(3);
    expect(computeQuota(20, 10, { rounding: "ceil", minimum: 0 }).quota).toBe(2);
  });

  it("applies a minimum and says when the quota exists only because of it", () => {
    expect(computeQuota(5, 10, { rounding: "floor", minimum: 1 })).toEqual({ quota: 1, rounded: 0, byMinimum: true });
    expect(computeQuota(10, 10, { rounding: "floor", minimum: 1 })).toEqual({ quota: 1, rounded: 1, byMinimum: false });
    expect(computeQuota(0, 30, { rounding: "floor", minimum: 1 }).quota).toBe(0);
    expect(computeQuota(8, 0, { rounding: "floor", minimum: 1 }).quota).toBe(0); // team 较差: nobody
  });

  const arith = fc.record({
    rounding: fc.constantFrom<Rounding>("floor", "round-half-up", "ceil"),
    minimum: fc.integer({ min: 0, max: 3 }),
  });
  const share = fc.integer({ min: 0, max: 10000 }).map((bp) => bp / 100);

  it("property: a quota never exceeds n and is never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), share, arith, (n, s, a) => {
        const q = computeQuota(n, s, a).quota;
        return q >= 0 && q <= n && Number.isInteger(q);
      }),
    );
  });

  it("property: a quota never decreases as n grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 1, max: 50 }),
        share,
        arith,
        (n, k, s, a) => computeQuota(n + k, s, a).quota >= computeQuota(n, s, a).quota,
      ),
    );
  });

  it("property: floor quota × 10000 ≤ n × share in basis points < (quota + 1) × 10000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 10000 }), (n, bp) => {
        const q = computeQuota(n, bp / 100, floor).quota;
        return q * 10000 <= n * bp && n * bp < (q + 1) * 10000;
      }),
    );
  });
});
