import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
const r = seededRandom(1); const s = createFilterState();
for (let i = 1; i <= 288 * 14; i++) {
  const y = 100 + (i % 288 < 144 ? 10 : 0) + r.normal();
  const o = updateFilter(s, i * 300000, y, params);
  if (o.phase === "skipped") continue;
  const pg = o.events.filter((e) => e.type === "confirmed" || e.type === "settled").map((e) => `${e.type}:${e.kind}`).join(",");
  if (i % 144 === 0 || pg) { const p = s.season.profiles[0]; console.log(i, s.season.active, s.season.shadows.map((x) => x.error.toFixed(3)).join(" "), p ? `vis=${p.visits.toFixed(2)} spr=${p.spread.toFixed(2)} base=${p.baseline.toFixed(1)} s(now)=${o.phase==="filtering"?o.seasonal.toFixed(2):""}` : "", pg); }
}
