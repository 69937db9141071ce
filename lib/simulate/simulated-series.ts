import type { ModelFile } from "@/lib/model-file/schemas";
import type { Incident } from "@/lib/simulate/incident";
import { SeriesGenerator } from "@/lib/simulate/series-generator";
import { seriesProfile } from "@/lib/simulate/series-profile";
import { seededRandom } from "@/lib/vsm/random";

/** One indicator of the model as the simulator sends it, with the incidents that touch it. */
export interface SimulatedSeries {
  unit: string;
  indicator: string;
  generator: SeriesGenerator;
  /** Each incident on this series and the series' index among the incident's targets. */
  incidents: { incident: Incident; target: number }[];
}

/** FNV-1a: a stable 32-bit number per seed and series, so each series has its own random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Every indicator of the model, each with its generator and its scripted incidents. */
export function simulatedSeries(model: ModelFile, incidents: readonly Incident[], seed: number): SimulatedSeries[] {
  return model.systems.flatMap((system) =>
    system.indicators.map((indicator) => {
      const random = seededRandom(hash(`${seed}/${system.path}/${indicator.key}`));
      const profile = seriesProfile(indicator, random.next());
      return {
        unit: system.path,
        indicator: indicator.key,
        generator: new SeriesGenerator(profile, random),
        incidents: incidents.flatMap((incident) =>
          incident.targets.flatMap((t, target) =>
            t.unit === system.path && (t.indicator === indicator.key || t.indicator === "*") ? [{ incident, target }] : [],
          ),
        ),
      };
    }),
  );
}

/** The incidents' combined factor on a series at a simulated minute; null when its unit is silent. */
export function incidentFactor(series: SimulatedSeries, minute: number): number | null {
  let factor = 1;
  for (const { incident, target } of series.incidents) {
    const f = incident.effect(target, minute);
    if (f === null) return null;
    factor *= f;
  }
  return factor;
}
