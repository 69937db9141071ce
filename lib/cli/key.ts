import { parseArgs } from "node:util";
import { ROLES, type Role } from "@/lib/auth/actor";
import { cliActor } from "@/lib/auth/audit-actor";
import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";
import { textTable } from "@/lib/cli/text-table";
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from "@/lib/store/api-keys";

const USAGE = `Usage: npm run key -- create --role ${ROLES.join("|")} [--scope SYSTEM_PATH] [--name TEXT]
       npm run key -- revoke KEY_ID
       npm run key -- list`;

/**
 * `npm run key -- create|revoke|list` (docs/telemetry-in.md "API keys"). `create` prints the key
 * once, on stdout alone so it can be captured (`KEY=$(npm run -s key -- create …)`); only its hash
 * is stored. Every change is written to the audit trail as `cli:<user>`.
 */
runCli(async () => {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { role: { type: "string" }, scope: { type: "string" }, name: { type: "string" } },
  });
  const [command, ...rest] = positionals;
  if (command === "create" && rest.length === 0) {
    const role = values.role ?? "";
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${ROLES.join(", ")}\n${USAGE}`);
    const scope = (values.scope ?? "").replace(/^\/+|\/+$/g, "");
    const name = values.name ?? `${role} key for ${scope === "" ? "the whole model" : scope}`;
    await withMigratedDatabase(async (db) => {
      const { id, token } = await createApiKey(db.sql, { name, role: role as Role, scope }, cliActor());
      console.error(
        `Created API key ${id} (${role}, ${scope === "" ? "whole model" : scope}) in ${db.location}. It is shown once; store it now:`,
      );
      console.log(token);
    });
    return;
  }
  if (command === "revoke" && rest.length === 1 && noOptions(values)) {
    await withMigratedDatabase(async (db) => {
      const key = await revokeApiKey(db.sql, rest[0]!, cliActor());
      console.log(`Revoked API key ${key.id} (${key.name}); requests with it now answer 401.`);
    });
    return;
  }
  if (command === "list" && rest.length === 0 && noOptions(values)) {
    await withMigratedDatabase(async (db) => {
      const keys = await listApiKeys(db.sql);
      console.log(keys.length === 0 ? `No API keys in ${db.location}.` : table(keys));
    });
    return;
  }
  throw new Error(USAGE);
});

function noOptions(values: Record<string, unknown>): boolean {
  return Object.values(values).every((v) => v === undefined);
}

function table(keys: readonly ApiKeySummary[]): string {
  const rows = keys.map((k) => [
    k.id,
    k.role,
    k.scope === "" ? "(all)" : k.scope,
    k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active",
    k.lastUsedAt ? k.lastUsedAt.toISOString() : "never",
    k.name,
  ]);
  return textTable([["ID", "ROLE", "SCOPE", "STATE", "LAST USED", "NAME"], ...rows]);
}
