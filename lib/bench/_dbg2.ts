import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
const params = filterParams(resolvePolicy([{ filter: { spike: 15 } }]), { direction: "up", kind: "raw" });
for (let seed = 1; seed <= 200; seed++) {
  const r = seededRandom(seed); const s = createFilterState();
  const ev: string[] = [];
  for (let i = 1; i <= 230; i++) {
    const y = 100 + r.normal() + (i >= 200 ? 5 : 0);
    const o = updateFilter(s, i * 60000, y, params);
    if (o.phase === "skipped") continue;
    for (const e of o.events) if (e.type !== "raised" && e.type !== "retracted" && e.type !== "annotated") ev.push(`${i}:${e.type}:${e.kind}@${e.point}`);
  }
  if (!ev.some((e) => e.includes("confirmed") && Number(e.split(":")[0]) >= 200)) console.log(seed, ev.join(" "));
}
