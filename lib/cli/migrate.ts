import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";

/** `npm run db:migrate`: applies pending migrations to the configured database. */
runCli(() =>
  withMigratedDatabase(async (db) => {
    console.log(`Database is up to date (${db.location}).`);
  }),
);
