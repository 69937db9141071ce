import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectAntiPhase, type SiblingSeries } from "@/lib/vsm/coordination/anti-phase";
import { pearson } from "@/lib/vsm/coordination/correlation";
import { detrend } from "@/lib/vsm/coordination/detrend";
import { turningPoints } from "@/lib/vsm/coordination/turning-points";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 6, 1);
const window = { from: t0, to: t0 + 60 * MINUTE };
const series = (f: (k: number) => number) => Array.from({ length: 48 }, (_, k) => ({ at: t0 + k * MINUTE, value: f(k) }));
const wave = (k: number) => 3 * Math.cos((2 * Math.PI * k) / 8);
const noise = seededRandom(3);

const siblings: SiblingSeries[] = [
  { unit: "a", resource: "db", points: series((k) => 20 + 0.05 * k + wave(k)) },
  { unit: "b", resource: "db", points: series((k) => 20 - 0.02 * k - wave(k)) },
  { unit: "c", resource: "db", points: series(() => 20 + noise.normal()) },
  { unit: "d", resource: "queue", points: series((k) => 20 - wave(k)) },
];

describe("detectAntiPhase", () => {
  it("finds the siblings that take turns with a shared resource", () => {
    const found = detectAntiPhase(siblings, window);
    expect(found).toHaveLength(1);
    const [pair] = found;
    expect(pair!.resource).toBe("db");
    expect(pair!.units).toEqual(["a", "b"]);
    expect(pair!.correlation).toBeLessThan(-0.99);
    expect(pair!.samples).toBe(48);
    expect(pair!.amplitude).toBeCloseTo(3, 1);
    expect(pair!.period / MINUTE).toBeCloseTo(8, 1);
    expect(pair!.damping.residualAmplitude).toBeCloseTo(pair!.amplitude / 2, 12);
  });

  it("leaves in-phase siblings, other resources and unaligned samples alone", () => {
    const inPhase = [siblings[0]!, { unit: "e", resource: "db", points: series((k) => 5 + wave(k)) }];
    expect(detectAntiPhase(inPhase, window)).toEqual([]);
    expect(detectAntiPhase([siblings[0]!, siblings[3]!], window)).toEqual([]);
    const shifted = { ...siblings[1]!, points: siblings[1]!.points.map((p) => ({ ...p, at: p.at + 1 })) };
    expect(detectAntiPhase([siblings[0]!, shifted], window)).toEqual([]);
  });

  it("needs the correlation below the threshold and the difference to cycle", () => {
    const r = seededRandom(8);
    const blurred: SiblingSeries = { unit: "b", resource: "db", points: series((k) => 20 - wave(k) + 1.2 * r.normal()) };
    const [loose] = detectAntiPhase([siblings[0]!, blurred], window, { maxCorrelation: -0.5 });
    expect(loose!.correlation).toBeGreaterThan(-0.95);
    expect(loose!.correlation).toBeLessThan(-0.5);
    expect(detectAntiPhase([siblings[0]!, blurred], window, { maxCorrelation: -0.95 })).toEqual([]);
    // Mirrored slow U-shapes with a small in-phase ripple: each unit reverses often and the two
    // anti-correlate, but their difference is one U — a single turn, not a cycle.
    const u = (k: number) => 10 * ((k - 24) / 24) ** 2;
    const ripple = (k: number) => Math.cos((2 * Math.PI * k) / 8);
    const x = series((k) => u(k) + ripple(k));
    const y = series((k) => -u(k) + ripple(k));
    for (const s of [x, y]) expect(turningPoints(s.map((p) => p.value)).length).toBeGreaterThanOrEqual(4);
    expect(pearson(detrend(x), detrend(y))!).toBeLessThan(-0.5);
    const pair: SiblingSeries[] = [
      { unit: "x", resource: "r", points: x },
      { unit: "y", resource: "r", points: y },
    ];
    expect(detectAntiPhase(pair, window)).toEqual([]);
  });

  it("never flags monotonic siblings, even when their steps alternate", () => {
    // x steps on even minutes, y on odd: they share out the growth, yet neither ever goes back.
    const x = series((k) => Math.ceil(k / 2));
    const y = series((k) => Math.floor(k / 2));
    expect(
      detectAntiPhase(
        [
          { unit: "x", resource: "r", points: x },
          { unit: "y", resource: "r", points: y },
        ],
        window,
      ),
    ).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 100 }), { minLength: 48, maxLength: 48 }),
        fc.array(fc.nat({ max: 100 }), { minLength: 48, maxLength: 48 }),
        (dx, dy) => {
          let lx = 0;
          let ly = 0;
          const a = series((k) => (lx += dx[k]!));
          const b = series((k) => (ly -= dy[k]!));
          expect(
            detectAntiPhase(
              [
                { unit: "a", resource: "r", points: a },
                { unit: "b", resource: "r", points: b },
              ],
              window,
            ),
          ).toEqual([]);
        },
      ),
    );
  });
});
