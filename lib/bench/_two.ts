import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
for (const seed of [1, 2, 3]) {
  const r = seededRandom(seed); const s = createFilterState(); let lvl = 0;
  const out: string[] = [];
  for (let i = 1; i <= 5000; i++) {
    if (r.next() < 0.002) { lvl = 1 - lvl; out.push(`  [switch at ${i} -> ${lvl}]`); }
    const y = 20 + 60 * lvl + r.normal();
    const o = updateFilter(s, i * 60000, y, params);
    if (o.phase === "skipped") continue;
    for (const e of o.events) if (e.type !== "raised" && e.type !== "retracted") out.push(`  ${i} ${e.type} ${e.kind} mag=${e.magnitude.toFixed(1)} levels=${s.levels.map((l) => l.level.toFixed(1) + "@" + (l.time / 60000)).join(",")}`);
  }
  console.log("seed", seed); console.log(out.join("\n"));
}
