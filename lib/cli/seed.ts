import { EXAMPLES, isExampleName, type ExampleName } from "@/lib/model-file/examples";
import { loadExample } from "@/lib/startup/load-example";
import { importModel } from "@/lib/store/model-import";
import { cliActor } from "@/lib/auth/audit-actor";
import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";

/**
 * `npm run db:seed [saas|cybersyn ...]`: imports the example models (both by default).
 * Importing is idempotent, so running it again changes nothing.
 */
runCli(async () => {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !isExampleName(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown example ${unknown.join(", ")}; choose from: ${Object.keys(EXAMPLES).join(", ")}`);
  }
  const names = (requested.length > 0 ? requested : Object.keys(EXAMPLES)) as ExampleName[];
  await withMigratedDatabase(async (db) => {
    for (const name of names) {
      const summary = await importModel(db, await loadExample(name), cliActor());
      console.log(
        `${name}: systems ${summary.systems.created} created, ${summary.systems.updated} updated; ` +
          `indicators ${summary.indicators.created} created, ${summary.indicators.updated} updated; ` +
          `channels ${summary.channels.created} created, ${summary.channels.removed} removed`,
      );
    }
  });
});
