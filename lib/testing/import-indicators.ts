import { parseModel } from "@/lib/model-file/parse-model";
import type { Database } from "@/lib/store/database";
import { indicatorsByName, type IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";

/**
 * For tests that only need somewhere to put points: imports the systems given (path → indicator
 * keys), each indicator plain (milliseconds, lower is better, named by its key in capitals), and
 * returns the indicators by key. Keys must differ across the systems.
 */
export async function importIndicators(
  db: Pick<Database, "sql">,
  systems: Readonly<Record<string, readonly string[]>>,
): Promise<Map<string, IndicatorTarget>> {
  const yaml = Object.entries(systems)
    .map(([path, keys]) => {
      const name = path.split("/").at(-1)!;
      const indicators = keys.map((key) => `      - { key: ${key}, name: ${key.toUpperCase()}, unit: ms, direction: down }`);
      return [`  - path: ${path}`, `    name: ${name[0]!.toUpperCase()}${name.slice(1)}`, "    indicators:", ...indicators].join("\n");
    })
    .join("\n");
  await importModel(db, parseModel(`version: 1\nsystems:\n${yaml}\n`, "yaml"));
  const wanted = Object.entries(systems).flatMap(([unitPath, keys]) => keys.map((key) => ({ unitPath, key })));
  const targets = new Map((await indicatorsByName(db.sql, wanted)).map((t) => [t.key, t]));
  if (targets.size !== wanted.length) throw new Error("importIndicators: indicator keys must differ across systems");
  return targets;
}
