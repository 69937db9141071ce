import { loadCorpus } from "@/lib/bench/nab/corpus";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
for (const f of loadCorpus("/work/shared/nab")) {
  if (!f.key.includes(process.argv[2]!)) continue;
  const s = createFilterState();
  for (let i = 0; i < f.values.length; i++) {
    updateFilter(s, f.times[i]!, f.values[i]!, params);
    if (i % 288 === 0 && s.ready) {
      const p = s.season.profiles[0];
      console.log(i, s.season.active, s.season.shadows.map((x) => x.error.toPrecision(3)).join(" "), p ? `nodes=${p.values.length} spread=${p.spread.toPrecision(3)} base=${p.baseline.toPrecision(3)} prof=${p.values.slice(0, 48).filter((_, k) => k % 4 === 0).map((v) => v.toFixed(1)).join(",")}` : "");
    }
  }
}
