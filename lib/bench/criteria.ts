import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { FilteredOutput } from "@/lib/vsm/filter/filter-output";
import { syntheticSeries, type Change } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * The acceptance criteria of update-filter.test.ts, counted over seeds 1–N (default 100) and
 * listing each failing seed, so a change to the filter can be judged on more seeds than the tests
 * run. `--seeds N` sets N; `--policy JSON` evaluates a policy override.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const SEEDS = Number(option("--seeds") ?? 100);
const params = filterParams(resolvePolicy([JSON.parse(option("--policy") ?? "{}")]), { direction: "up", kind: "raw" });

function run(seed: number, length: number, change?: Change): FilteredOutput[] {
  const state = createFilterState();
  const outputs: FilteredOutput[] = [];
  for (const y of syntheticSeries(seededRandom(seed), { length, change })) {
    const o = updateFilter(state, y, params);
    if (o.phase === "filtering") outputs.push(o);
  }
  return outputs;
}

const confirmedFrom = (outputs: FilteredOutput[], from: number) =>
  outputs.filter((o) => o.point >= from).flatMap((o) => o.events.filter((e) => e.type === "confirmed").map((e) => ({ at: o.point, ...e })));

interface Tally {
  name: string;
  pass: number;
  fails: string[];
}

function criterion(name: string, check: (seed: number) => string | null): Tally {
  const tally: Tally = { name, pass: 0, fails: [] };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const failure = check(seed);
    if (failure === null) tally.pass += 1;
    else tally.fails.push(`${seed}: ${failure}`);
  }
  return tally;
}

const describeAt = (o: FilteredOutput) =>
  `p(step)=${o.probabilities.step.toFixed(2)} p(slope)=${o.probabilities.slope.toFixed(2)} q(step)=${o.previous.step.toFixed(2)} q(slope)=${o.previous.slope.toFixed(2)} q2(step)=${o.earlierStep.toFixed(2)} resid=${o.residual.toFixed(2)}`;

const steady = criterion("(a) 500-point steady series with no confirmed signal", (seed) => {
  const outputs = run(seed, 500);
  const found = confirmedFrom(outputs, 0);
  if (found.length === 0) return null;
  const at = (point: number) => outputs.find((o) => o.point === point);
  return found.map((e) => `${e.kind} dated ${e.point} at ${e.at} (${describeAt(at(e.at)!)}) next (${at(e.at + 1) ? describeAt(at(e.at + 1)!) : "–"})`).join("; ");
});

const step = (size: number) =>
  criterion(`(b) ${size > 0 ? "+" : ""}${size}σ step confirmed within 2 points, right way`, (seed) => {
    const outputs = run(seed, 202, { kind: "step", at: 200, size });
    const found = confirmedFrom(outputs, 200);
    const wrong = found.filter((e) => (e.valence === "pleasure") !== size > 0);
    if (wrong.length > 0) return `wrong valence ${wrong.map((e) => e.kind).join(",")}`;
    if (found.some((e) => e.kind === "step" && e.point >= 200)) return null;
    return outputs.filter((o) => o.point >= 200).map((o) => `@${o.point} ${describeAt(o)}`).join(" | ");
  });

const ramp = (size: number) =>
  criterion(`(d) ${size > 0 ? "+" : ""}${size}σ/pt ramp detected within 10 points, right way`, (seed) => {
    const outputs = run(seed, 210, { kind: "slope", at: 200, size });
    const found = confirmedFrom(outputs, 200);
    const wrong = found.filter((e) => (e.valence === "pleasure") !== size > 0);
    if (wrong.length > 0) return `wrong valence ${wrong.map((e) => e.kind).join(",")}`;
    return found.length > 0 ? null : "missed";
  });

const outlier = criterion("(c) 10σ outlier: transient, nothing confirmed, provisional retracted", (seed) => {
  const outputs = run(seed, 206, { kind: "outlier", at: 200, size: 10 });
  const events = outputs.filter((o) => o.point >= 200).flatMap((o) => o.events);
  const at200 = events.filter((e) => e.point === 200);
  if (!at200.some((e) => e.type === "annotated" && e.kind === "transient")) return "not annotated";
  if (at200.some((e) => e.type === "confirmed")) return "confirmed";
  const raised = at200.filter((e) => e.type === "raised").map((e) => e.kind);
  const retracted = at200.filter((e) => e.type === "retracted").map((e) => e.kind);
  return raised.join() === retracted.join() ? null : "provisional not retracted";
});

console.log(`Seeds 1–${SEEDS}; level 100, σ = 1, raw index.`);
for (const t of [steady, step(5), step(-5), outlier, ramp(2), ramp(-2)]) {
  const within40 = SEEDS >= 40 ? ` (seeds 1–40: ${40 - t.fails.filter((f) => Number(f.split(":")[0]) <= 40).length}/40)` : "";
  console.log(`${t.name}: ${t.pass}/${SEEDS}${within40}`);
  for (const f of t.fails) console.log(`    seed ${f}`);
}
