import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { parseFilterState } from "@/lib/vsm/filter/schemas";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
function events(level: number, sigma: number, seed: number) {
  const r = seededRandom(seed); const s = createFilterState(); const out: string[] = [];
  for (let i = 1; i <= 400; i++) {
    const y = level + sigma * (r.normal() + (i >= 200 && i < 300 ? 5 : 0) + (i === 350 ? 10 : 0));
    const o = updateFilter(s, i * 60000, y, params);
    if (o.phase !== "skipped") for (const e of o.events) if (e.type !== "raised" && e.type !== "retracted") out.push(`${i}:${e.type}:${e.kind}`);
  }
  return out.join(" ");
}
for (const seed of [1, 2, 3]) {
  const base = events(0, 1, seed);
  for (const [l, sg] of [[1e-9, 1e-10], [1e9, 1e8], [1e4, 1], [1e12, 1], [-5e7, 3e-3], [0, 1e-300]] as const) {
    const e = events(l, sg, seed);
    console.log(seed, l, sg, e === base ? "same" : `DIFF ${e} vs ${base}`);
  }
}
// extremes
const extremes = [1e300, -1e300, 2 ** 64 - 1, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 0, 1e-300, 123.456];
let bad = 0;
for (let seed = 1; seed <= 300; seed++) {
  const r = seededRandom(seed); const s = createFilterState();
  let detected = false;
  for (let i = 1; i <= 600; i++) {
    let y = 100 + r.normal();
    if (i > 50 && i < 300 && r.next() < 0.05) y = extremes[Math.floor(r.next() * extremes.length)]!;
    if (i >= 450) y += 8;
    const o = updateFilter(s, i * 60000, y, params);
    if (i >= 450 && o.phase !== "skipped" && o.events.some((e) => e.type === "confirmed" || e.type === "continued" || (e.type === "annotated" && e.kind === "step"))) detected = true;
    const walk = (v: unknown): boolean => typeof v === "number" ? Number.isFinite(v) : Array.isArray(v) ? v.every(walk) : v && typeof v === "object" ? Object.values(v).every(walk) : true;
    if (!walk(s)) { bad++; console.log("non-finite state", seed, i); break; }
  }
  try { parseFilterState(JSON.parse(JSON.stringify(s))); } catch (e) { bad++; console.log("parse fail", seed, String(e).slice(0, 200)); }
  if (!detected) console.log("step after extremes not detected, seed", seed, s.ready, s.test.scale, s.noise.variance);
}
console.log("bad", bad);
