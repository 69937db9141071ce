import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
const s = createFilterState();
for (let i = 1; i <= 288 * 14; i++) {
  const y = 100 + 5 * Math.sin((2 * Math.PI * i) / 288);
  const o = updateFilter(s, i * 300000, y, params);
  if (o.phase === "skipped") continue;
  for (const e of o.events) if (e.type !== "raised" && e.type !== "retracted") console.log(i, e.type, e.kind, e.magnitude.toPrecision(3), e.score.toFixed(1), s.test.scale.toPrecision(3), s.noise.variance.toPrecision(3), s.season.active);
}
