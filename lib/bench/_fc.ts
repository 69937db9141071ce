import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { forecast } from "@/lib/vsm/filter/forecast";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
const r = seededRandom(3); const s = createFilterState();
for (let i = 0; i < 800; i++) updateFilter(s, i * 60000, 100 + r.normal(), params);
console.log("V", s.noise.variance, "rho", s.noise.autocorrelation, "w", s.weights.map((x) => x.toFixed(3)), "hist", s.history);
for (let j = 0; j < 4; j++) console.log(j, "m", s.means[2*j]!.toFixed(3), s.means[2*j+1]!.toFixed(4), "c", s.covariances.slice(3*j, 3*j+3).map((x) => x.toExponential(2)));
for (const h of [1, 5, 20]) { const f = forecast(s, params, [799 * 60000 + h * 60000])[0]!; console.log(h, f.mean.toFixed(2), Math.sqrt(f.variance).toFixed(2), f.intervals.map((x) => `${x.lower.toFixed(2)}..${x.upper.toFixed(2)}`).join(" ")); }
