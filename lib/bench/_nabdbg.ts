// debug: print pages/events for one NAB file with window positions
import { loadCorpus } from "@/lib/bench/nab/corpus";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
const [, , match, pol, verbose] = process.argv;
const params = filterParams(resolvePolicy([JSON.parse(pol ?? "{}")]), { direction: "up", kind: "raw" });
for (const f of loadCorpus("/work/shared/nab")) {
  if (!f.key.includes(match!)) continue;
  const s = createFilterState();
  console.log(f.key, "windows", f.windows.map((w) => `${w.start}-${w.end}`).join(" "), "n", f.values.length);
  let active = 0;
  const pages: number[] = [];
  for (let i = 0; i < f.values.length; i++) {
    const o = updateFilter(s, f.times[i]!, f.values[i]!, params);
    if (o.phase === "skipped") continue;
    if (s.season.active !== active) { console.log(`  row ${i}: season ${active} -> ${s.season.active} shadows ${s.season.shadows.map((x) => x.error.toPrecision(3)).join(" ")}`); active = s.season.active; }
    for (const e of o.events) {
      if (e.type === "confirmed") pages.push(i);
      if (e.type === "confirmed" || e.type === "settled" || (verbose && e.type !== "raised" && e.type !== "retracted")) {
        const inW = f.windows.some((w) => i >= w.start && i <= w.end) ? "IN " : "   ";
        console.log(`  ${inW}row ${i} ${e.type} ${e.kind} @${e.point} mag=${e.magnitude.toPrecision(3)} score=${e.score.toFixed(1)} ${o.phase === "filtering" ? `D=${s.test.scale.toPrecision(3)} rho=${s.test.autocorrelation.toFixed(2)} V=${s.noise.variance.toPrecision(3)} res=${s.noise.resolution.toPrecision(2)}` : ""}`);
      }
    }
  }
  console.log(`  pages ${pages.length}`);
}
