import { loadCorpus } from "@/lib/bench/nab/corpus";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { forecast } from "@/lib/vsm/filter/forecast";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
function cover(series: { t: number[]; y: number[] }[], h: number) {
  let n = 0, in80 = 0, in95 = 0;
  for (const { t, y } of series) {
    const s = createFilterState();
    for (let i = 0; i + h < y.length; i++) {
      updateFilter(s, t[i]!, y[i]!, params);
      if (!s.ready || i % 7 !== 0 || t[i + h]! <= s.lastTime!) continue;
      const f = forecast(s, params, [t[i + h]!])[0]!;
      const o = y[i + h]!;
      n++; if (o >= f.intervals[0]!.lower && o <= f.intervals[0]!.upper) in80++; if (o >= f.intervals[1]!.lower && o <= f.intervals[1]!.upper) in95++;
    }
  }
  return `80%: ${(100 * in80 / n).toFixed(1)}  95%: ${(100 * in95 / n).toFixed(1)} (n=${n})`;
}
const gauss = Array.from({ length: 50 }, (_, k) => { const r = seededRandom(k + 1); return { t: Array.from({ length: 1000 }, (_, i) => i * 60000), y: Array.from({ length: 1000 }, () => 100 + r.normal()) }; });
for (const h of [1, 5, 20]) console.log("gauss h", h, cover(gauss, h));
const nab = loadCorpus("/work/shared/nab").map((f) => ({ t: Array.from(f.times), y: Array.from(f.values) }));
for (const h of [1, 5, 20]) console.log("nab h", h, cover(nab, h));
