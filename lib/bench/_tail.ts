import { loadCorpus } from "@/lib/bench/nab/corpus";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { tailFactor } from "@/lib/vsm/filter/tail-factor";
import { resolvePolicy } from "@/lib/vsm/policy";
const params = filterParams(resolvePolicy([{ filter: { quiet: 21600000 } }]), { direction: "up", kind: "raw" });
for (const f of loadCorpus("/work/shared/nab")) {
  const s = createFilterState();
  const ms: number[] = [];
  for (let i = 0; i < f.values.length; i++) {
    updateFilter(s, f.times[i]!, f.values[i]!, params);
    if (s.ready && i % Math.floor(f.values.length / 8) === 0) ms.push(tailFactor(s.test.tail, Number(process.env.TAIL_Z ?? 3)));
  }
  console.log(f.key.padEnd(58), ms.map((m) => m.toFixed(2)).join(" "));
}
