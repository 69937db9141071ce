import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const policy = resolvePolicy([JSON.parse(process.argv[2] ?? "{}")]);
const params = filterParams(policy, { direction: "up", kind: "raw" });
const MIN = 60_000;
type R = ReturnType<typeof seededRandom>;
function poisson(r: R, l: number) { let k = 0, p = Math.exp(-l), s = p; const u = r.next(); while (u > s) { k++; p *= l / k; s += p; } return k; }
type Gen = (r: R, n: number) => { t: number[]; y: number[] };
const regular = (f: (r: R, i: number, st: { a: number; lvl: number }) => number, step = MIN): Gen => (r, n) => { const st = { a: 0, lvl: 0 }; const t: number[] = [], y: number[] = []; for (let i = 1; i <= n; i++) { t.push(i * step); y.push(f(r, i, st)); } return { t, y }; };
const scen: Record<string, [Gen, number, number]> = {
  ar05: [regular((r, i, st) => { st.a = 0.5 * st.a + r.normal(); return 100 + st.a; }), 5000, 0],
  ar08: [regular((r, i, st) => { st.a = 0.8 * st.a + r.normal(); return 100 + st.a; }), 5000, 0],
  dailyNoisy: [regular((r, i) => 100 + 5 * Math.sin((2 * Math.PI * i) / 288) + r.normal(), 5 * MIN), 288 * 28, 0],
  dailyNoiseFree: [regular((r, i) => 100 + 5 * Math.sin((2 * Math.PI * i) / 288), 5 * MIN), 288 * 14, 0],
  dailySquare: [regular((r, i) => 100 + (i % 288 < 144 ? 10 : 0) + r.normal(), 5 * MIN), 288 * 14, 0],
  poisson2: [regular((r) => poisson(r, 2)), 5000, 0],
  poisson02: [regular((r) => poisson(r, 0.2)), 5000, 0],
  twoLevel: [regular((r, i, st) => { if (r.next() < 0.02) st.lvl = 1 - st.lvl; return 20 + 60 * st.lvl + r.normal(); }), 5000, 0],
  twoLevelSlow: [regular((r, i, st) => { if (r.next() < 0.002) st.lvl = 1 - st.lvl; return 20 + 60 * st.lvl + r.normal(); }), 5000, 0],
  irregular: [(r, n) => { const t: number[] = [], y: number[] = []; let tt = 0; for (let i = 1; i <= n; i++) { tt += MIN * (r.next() < 0.05 ? 30 * r.next() : 0.5 + r.next()); t.push(tt); y.push(100 + r.normal()); } return { t, y }; }, 5000, 0],
  gapStep: [(r, n) => { const t: number[] = [], y: number[] = []; for (let i = 1; i <= n; i++) { t.push(i * MIN + (i > 300 ? 45 * 3600000 : 0)); y.push(100 + r.normal() + (i > 300 ? 5 : 0)); } return { t, y }; }, 600, 301],
  ramp1: [regular((r, i) => 100 + r.normal() + (i >= 200 ? 1 * (i - 199) : 0)), 260, 200],
  ramp05: [regular((r, i) => 100 + r.normal() + (i >= 200 ? 0.5 * (i - 199) : 0)), 260, 200],
  ramp2: [regular((r, i) => 100 + r.normal() + (i >= 200 ? 2 * (i - 199) : 0)), 260, 200],
  rampLong: [regular((r, i) => 100 + r.normal() + (i >= 200 ? 0.3 * Math.min(i - 199, 300) : 0)), 1000, 200],
};
const only = process.argv[3];
for (const [name, [gen, n, at]] of Object.entries(scen)) {
  if (only && !name.startsWith(only)) continue;
  const seeds = n > 3000 ? 40 : 200;
  let pages = 0, hit = 0, slopeKind = 0, conts = 0, finalSlope = 0; const delays: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = seededRandom(seed); const { t, y } = gen(r, n); const s = createFilterState();
    const conf: { i: number; kind: string }[] = [];
    let epKind = "";
    for (let i = 0; i < n; i++) {
      const o = updateFilter(s, t[i]!, y[i]!, params);
      if (o.phase === "skipped") continue;
      for (const e of o.events) { if (e.type === "confirmed") conf.push({ i: i + 1, kind: e.kind }); if (e.type === "continued") conts++; }
      if (o.phase === "filtering" && o.episode) epKind = o.episode.kind;
    }
    pages += conf.length;
    if (at > 0) { const a = conf.filter((c) => c.i >= at); if (a.length) { hit++; delays.push(a[0]!.i - at); if (a[0]!.kind === "slope") slopeKind++; } if (epKind === "slope") finalSlope++; }
  }
  delays.sort((a, b) => a - b);
  console.log(`${name.padEnd(14)} pages/1000=${((1000 * pages) / (seeds * n)).toFixed(3)} pages/series=${(pages / seeds).toFixed(2)}${at ? ` hit=${hit}/${seeds} med=${delays[delays.length >> 1]} p95=${delays[Math.floor(0.95 * delays.length)]} slopeAtConfirm=${slopeKind} episodeSlope=${finalSlope} continued/series=${(conts / seeds).toFixed(1)}` : ""}`);
}
