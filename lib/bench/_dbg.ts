import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([JSON.parse(process.argv[3] ?? "{}")]), { direction: "up", kind: "raw" });
const scen = process.argv[2] ?? "steady";
for (let seed = 1; seed <= 200; seed++) {
  const r = seededRandom(seed); const s = createFilterState();
  const lines: string[] = []; let paged = false;
  for (let i = 1; i <= (scen === "steady" ? 1000 : 230); i++) {
    const y = 100 + r.normal() + (scen === "step5" && i >= 200 ? 5 : 0) + (scen === "outlier" && i === 200 ? 10 : 0);
    const o = updateFilter(s, i * 60000, y, params);
    if (o.phase !== "filtering") continue;
    if ((scen === "steady" ? true : i >= 198) && (Math.abs(o.surprise) > 2.5 || o.events.length)) lines.push(`  ${i} y=${(y-100).toFixed(2)} s=${o.surprise.toFixed(2)} D=${s.test.scale.toFixed(3)} V=${o.profile.variance.toFixed(3)} ref=${(s.test.reference-100).toFixed(2)} up=${s.test.up.sum.toFixed(1)} dn=${s.test.down.sum.toFixed(1)} ${o.events.map((e) => `${e.type}:${e.kind}@${e.point}(${e.score.toFixed(1)})`).join(" ")}`);
    if (o.events.some((e) => e.type === "confirmed")) paged = true;
  }
  const bad = scen === "steady" || scen === "outlier" ? paged : !paged;
  if (bad) { console.log(`seed ${seed}`); console.log(lines.slice(-12).join("\n")); }
}
