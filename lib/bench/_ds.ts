import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{}]), { direction: "up", kind: "raw" });
const shape = (process.argv[2] ?? "sine") as "sine" | "square";
for (let seed = 1; seed <= 4; seed++) {
  const r = seededRandom(seed);
  const { times, values } = syntheticSeries(r, { length: 4032, interval: 300000, daily: { amplitude: 3, shape }, change: { kind: "step", at: 3000, size: 5 } });
  const s = createFilterState(); const out: string[] = []; let act = 0;
  for (let i = 0; i < values.length; i++) {
    const o = updateFilter(s, times[i]!, values[i]!, params);
    if (o.phase === "skipped") continue;
    if (s.season.active !== act) { out.push(`${i + 1}: season ${act}->${s.season.active}`); act = s.season.active; }
    for (const e of o.events) if (e.type !== "raised" && e.type !== "retracted" && !(e.type === "annotated" && e.kind === "transient")) out.push(`${i + 1}: ${e.type} ${e.kind} mag=${e.magnitude.toFixed(2)} sc=${e.score.toFixed(1)}`);
    if (i + 1 >= 2998 && i + 1 <= 3003 && o.phase === "filtering") out.push(`   ${i + 1} y=${values[i]!.toFixed(2)} seas=${o.seasonal.toFixed(2)} surprise=${o.surprise.toFixed(2)} D=${s.test.scale.toFixed(2)} ref=${s.test.reference.toFixed(2)} up=${s.test.up.sum.toFixed(1)}`);
  }
  console.log("seed", seed, "\n " + out.join("\n "));
}
