import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

const policy = resolvePolicy([JSON.parse(process.argv[2] ?? "{}")]);
const params = filterParams(policy, { direction: "up", kind: "raw" });
const MIN = 60_000;
type Gen = (r: ReturnType<typeof seededRandom>, i: number, state: { ar: number }) => number;
function run(gen: Gen, n: number, seed: number) {
  const r = seededRandom(seed);
  const s = createFilterState();
  const st = { ar: 0 };
  const ev: { i: number; type: string; kind: string; point: number }[] = [];
  let b2 = 0, b3 = 0, m = 0;
  for (let i = 1; i <= n; i++) {
    const y = gen(r, i, st);
    const o = updateFilter(s, i * MIN, y, params);
    if (o.phase === "filtering") {
      const z = Math.abs(o.value - o.prediction.mean) / Math.sqrt(o.prediction.variance);
      m++; if (z > 2) b2++; if (z > 3) b3++;
    }
    if (o.phase !== "skipped") for (const e of o.events) ev.push({ i, type: e.type, kind: e.kind, point: e.point });
  }
  return { ev, b2: b2 / m, b3: b3 / m };
}
const scen: Record<string, [Gen, number, number]> = {
  steady: [(r) => 100 + r.normal(), 1000, 0],
  step5: [(r, i) => 100 + r.normal() + (i >= 200 ? 5 : 0), 230, 200],
  stepm5: [(r, i) => 100 + r.normal() + (i >= 200 ? -5 : 0), 230, 200],
  step3: [(r, i) => 100 + r.normal() + (i >= 200 ? 3 : 0), 260, 200],
  ramp1: [(r, i) => 100 + r.normal() + (i >= 200 ? 1 * (i - 199) : 0), 260, 200],
  ramp05: [(r, i) => 100 + r.normal() + (i >= 200 ? 0.5 * (i - 199) : 0), 260, 200],
  ramp2: [(r, i) => 100 + r.normal() + (i >= 200 ? 2 * (i - 199) : 0), 260, 200],
  outlier: [(r, i) => 100 + r.normal() + (i === 200 ? 10 : 0), 230, 200],
  ar08: [(r, i, st) => { st.ar = 0.8 * st.ar + r.normal(); return 100 + st.ar; }, 1000, 0],
  daily: [(r, i) => 100 + 5 * Math.sin((2 * Math.PI * i) / 1440) + r.normal(), 1440 * 14, 0],
  t3: [(r) => { const n = r.normal(); let c = 0; for (let k = 0; k < 3; k++) c += r.normal() ** 2; return 100 + n / Math.sqrt(c / 3); }, 1000, 0],
};
for (const [name, [gen, n, at]] of Object.entries(scen)) {
  const seeds = name === "daily" ? 5 : 200;
  let pages = 0, hit = 0, delays: number[] = [], b2 = 0, b3 = 0, slopeKinds = 0, conts = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const { ev, b2: x2, b3: x3 } = run(gen, n, seed);
    b2 += x2 / seeds; b3 += x3 / seeds;
    const conf = ev.filter((e) => e.type === "confirmed");
    conts += ev.filter((e) => e.type === "continued").length;
    pages += conf.length;
    const after = conf.filter((e) => e.i >= at && at > 0);
    if (after.length) { hit++; delays.push(after[0]!.i - at); if (after[0]!.kind === "slope") slopeKinds++; }
  }
  delays.sort((a, b) => a - b);
  const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))];
  const total = seeds * n;
  console.log(`${name.padEnd(8)} pages/1000=${((1000 * pages) / total).toFixed(3)} pages/series=${(pages / seeds).toFixed(2)} hit=${hit}/${seeds} delay med=${q(0.5)} p95=${q(0.95)} within2=${delays.filter((d) => d <= 2).length} slopeKind=${slopeKinds} continued/series=${(conts / seeds).toFixed(2)} beyond2=${(100 * b2).toFixed(2)}% beyond3=${(100 * b3).toFixed(2)}%`);
}
