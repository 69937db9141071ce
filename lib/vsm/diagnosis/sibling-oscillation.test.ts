import { describe, expect, it } from "vitest";
import { pairAntiPhase, typicalMove, unitOscillation } from "@/lib/vsm/diagnosis/sibling-oscillation";
import { seededRandom } from "@/lib/vsm/random";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/** Six hours of minute means, as the diagnosis reads them. */
const T0 = Date.UTC(2026, 0, 5);
const window = { from: T0, to: T0 + 6 * HOUR };
const minutes = (f: (k: number) => number, length = 360): Point[] =>
  Array.from({ length }, (_, k) => ({ at: T0 + k * MINUTE, value: f(k) }));
/** 3 units either side of its level, a full cycle every 8 minutes. */
const wave = (k: number) => 3 * Math.cos((2 * Math.PI * k) / 8);

describe("typicalMove", () => {
  it("is the median non-zero step, so a counted series that mostly repeats still has one", () => {
    expect(typicalMove([5, 5, 6, 6, 6, 9])).toBe(2); // moves 1 and 3
    expect(typicalMove([1, 2, 4, 7])).toBe(2); // moves 1, 2, 3
    expect(typicalMove([4, 4, 4])).toBe(0);
    expect(typicalMove([])).toBe(0);
  });
});

describe("unitOscillation", () => {
  it("measures a known cycle: ±3 every 8 minutes, damped by α ≈ 0.355 to half", () => {
    const found = unitOscillation(
      "acme/a",
      minutes((k) => 60 + wave(k)),
      window,
    );
    expect(found).toMatchObject({ unit: "acme/a", oscillating: true, points: 360 });
    // 45 whole cycles: peaks at 3, troughs at −3; the fitted line is almost flat (slope −540/3,887,970 per minute).
    expect(found!.amplitude).toBeCloseTo(3, 3);
    expect(found!.period).toBeCloseTo(8 * MINUTE, -1);
    // Smoothing for gain g = 0.5 at 8 samples a cycle: k = (1 − g²·cos(π/4))/(1 − g²) = 1.09763,
    // β = k − √(k² − 1) = 0.64509, α = 1 − β = 0.35491 (lib/vsm/coordination/damping.ts).
    expect(found!.damping!.alpha).toBeCloseTo(0.35491, 4);
    expect(found!.damping!.residualAmplitude).toBeCloseTo(1.5, 3);
  });

  it("finds a slow cycle under noise a tenth of its amplitude, with its period", () => {
    const noise = seededRandom(21);
    const found = unitOscillation(
      "acme/a",
      minutes((k) => 200 + 10 * Math.sin((2 * Math.PI * k) / 30) + noise.normal()),
      window,
    );
    expect(found!.period! / MINUTE).toBeGreaterThan(27);
    expect(found!.period! / MINUTE).toBeLessThan(33);
    // The turns sit on the noisiest crests, so the amplitude reads a little high, never low.
    expect(found!.amplitude).toBeGreaterThan(10);
    expect(found!.amplitude).toBeLessThan(13);
  });

  it("never flags plain noise, a random walk, red noise, a ramp or steps", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = seededRandom(seed);
      let walk = 100;
      let red = 0;
      let level = 100;
      const series: Record<string, Point[]> = {
        noise: minutes(() => 50 + 5 * r.normal()),
        "short noise": minutes(() => 50 + 5 * r.normal(), 40),
        walk: minutes(() => (walk += r.normal())),
        red: minutes(() => 50 + (red = 0.95 * red + r.normal())),
        ramp: minutes((k) => 50 + 0.1 * k + (r.next() < 0.2 ? 0.5 : 0)),
        steps: minutes((k) => (k % 60 === 0 ? (level += 10 * r.normal()) : level) + r.normal()),
      };
      for (const [kind, points] of Object.entries(series))
        expect(unitOscillation("acme/a", points, window), `${kind}, seed ${seed}`).toBeNull();
    }
  });

  it("leaves alone a ripple under 5% of the level, a flat series and too few minutes", () => {
    expect(
      unitOscillation(
        "acme/a",
        minutes((k) => 1000 + wave(k)),
        window,
      ),
    ).toBeNull();
    expect(
      unitOscillation(
        "acme/a",
        minutes(() => 60),
        window,
      ),
    ).toBeNull();
    expect(
      unitOscillation(
        "acme/a",
        minutes((k) => 60 + wave(k), 29),
        window,
      ),
    ).toBeNull();
    // Outside the window it is not seen at all.
    expect(
      unitOscillation(
        "acme/a",
        minutes((k) => 60 + wave(k)),
        { from: T0 + 6 * HOUR, to: T0 + 7 * HOUR },
      ),
    ).toBeNull();
  });
});

describe("pairAntiPhase", () => {
  const sibling = (unit: string, points: Point[]) => ({ unit, resource: "saturation", points });

  it("measures two siblings taking turns: each ±3 against the other every 8 minutes", () => {
    const pair = pairAntiPhase(
      sibling(
        "acme/a",
        minutes((k) => 60 + wave(k)),
      ),
      sibling(
        "acme/b",
        minutes((k) => 60 - wave(k)),
      ),
      window,
    );
    expect(pair).toMatchObject({ resource: "saturation", units: ["acme/a", "acme/b"], samples: 360 });
    expect(pair!.correlation).toBeCloseTo(-1, 6);
    // Their difference swings ±6; each unit's share of it is half.
    expect(pair!.amplitude).toBeCloseTo(3, 3);
    expect(pair!.period).toBeCloseTo(8 * MINUTE, -1);
    expect(pair!.damping.alpha).toBeCloseTo(0.35491, 4);
  });

  it("finds the pair under noise, and nothing in siblings in phase, independent or quiet", () => {
    const r = seededRandom(5);
    const slow = (k: number) => 8 * Math.sin((2 * Math.PI * k) / 40);
    const noisy = pairAntiPhase(
      sibling(
        "acme/a",
        minutes((k) => 50 + slow(k) + r.normal()),
      ),
      sibling(
        "acme/b",
        minutes((k) => 50 - slow(k) + r.normal()),
      ),
      window,
    );
    expect(noisy!.period / MINUTE).toBeGreaterThan(36);
    expect(noisy!.period / MINUTE).toBeLessThan(44);
    expect(
      pairAntiPhase(
        sibling(
          "a",
          minutes((k) => 60 + wave(k)),
        ),
        sibling(
          "b",
          minutes((k) => 30 + wave(k)),
        ),
        window,
      ),
    ).toBeNull();
    expect(
      pairAntiPhase(
        sibling(
          "a",
          minutes(() => 60),
        ),
        sibling(
          "b",
          minutes(() => 60),
        ),
        window,
      ),
    ).toBeNull();
    expect(
      pairAntiPhase(
        sibling(
          "a",
          minutes((k) => 60 + wave(k), 20),
        ),
        sibling(
          "b",
          minutes((k) => 60 - wave(k), 20),
        ),
        window,
      ),
    ).toBeNull();
    for (let seed = 1; seed <= 100; seed++) {
      const n = seededRandom(seed);
      const quiet = () =>
        sibling(
          "x",
          minutes(() => 50 + 5 * n.normal()),
        );
      expect(pairAntiPhase(quiet(), { ...quiet(), unit: "y" }, window), `seed ${seed}`).toBeNull();
    }
  });
});
