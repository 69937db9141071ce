import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
for (let seed = 1; seed <= 40; seed++) {
  const r = seededRandom(seed); const s = createFilterState(); const out: string[] = [];
  for (let i = 1; i <= 288 * 28; i++) {
    const y = 100 + 5 * Math.sin((2 * Math.PI * i) / 288) + r.normal();
    const o = updateFilter(s, i * 300000, y, params);
    if (o.phase === "skipped") continue;
    for (const e of o.events) if (e.type === "confirmed") out.push(`${i}(${(i/288).toFixed(1)}d):${e.kind}:${e.score.toFixed(1)} act=${s.season.active} D=${s.test.scale.toFixed(2)}`);
  }
  if (out.length) console.log(seed, out.join("  "));
}
