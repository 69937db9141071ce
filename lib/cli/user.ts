import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { USER_ROLES, type UserRole } from "@/lib/auth/actor";
import { cliActor } from "@/lib/auth/audit-actor";
import { generatePassword, hashPassword, passwordProblem } from "@/lib/auth/password";
import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";
import { textTable } from "@/lib/cli/text-table";
import { createUser, grantRole, listUsers, revokeGrant, setDisabled, setPasswordHash, type UserSummary } from "@/lib/store/users";

const USAGE = `Usage: npm run user -- create EMAIL [--admin | --role ${USER_ROLES.join("|")}] [--scope SYSTEM_PATH] [--name TEXT] [--password-stdin]
       npm run user -- grant EMAIL --role ${USER_ROLES.join("|")} [--scope SYSTEM_PATH]
       npm run user -- revoke EMAIL [--scope SYSTEM_PATH]
       npm run user -- password EMAIL [--password-stdin]
       npm run user -- disable EMAIL | enable EMAIL
       npm run user -- list
  --admin is --role admin on the whole model. Without --password-stdin a password is generated and
  printed once, on stdout alone (PASSWORD=$(npm run -s user -- create …)).`;

/**
 * `npm run user` (docs/access.md "Accounts"): people's accounts and their roles, from the server's
 * command line. Every change is audited as `cli:<user>`; a new password ends the account's sessions.
 */
runCli(async () => {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      admin: { type: "boolean" },
      role: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  const [command, email, ...rest] = positionals;
  if (command === "list" && positionals.length === 1) return list();
  if (email === undefined || rest.length > 0) throw new Error(USAGE);
  const scope = (values.scope ?? "").replace(/^\/+|\/+$/g, "");
  const where = scope === "" ? "the whole model" : scope;
  switch (command) {
    case "create": {
      const role = values.admin ? "admin" : userRole(values.role ?? "viewer");
      if (values.admin && (values.role !== undefined || values.scope !== undefined))
        throw new Error(`--admin cannot be combined with --role or --scope\n${USAGE}`);
      const { password, generated } = await choosePassword(email, values["password-stdin"] === true);
      await withMigratedDatabase(async (db) => {
        const user = await createUser(
          db.sql,
          { email, name: values.name, passwordHash: await hashPassword(password), grants: [{ role, scope }] },
          cliActor(),
        );
        console.error(`Created ${user.email} (${role} of ${where}) in ${db.location}.`);
        if (generated) {
          console.error("Its password is shown once; store it now:");
          console.log(password);
        }
      });
      return;
    }
    case "grant": {
      const role = userRole(values.role ?? "");
      await withMigratedDatabase(async (db) => {
        await grantRole(db.sql, email, { role, scope }, cliActor());
        console.log(`${email} is now ${role} of ${where} (from its next request).`);
      });
      return;
    }
    case "revoke":
      await withMigratedDatabase(async (db) => {
        await revokeGrant(db.sql, email, scope, cliActor());
        console.log(`${email} no longer holds a role on ${where}.`);
      });
      return;
    case "password": {
      const { password, generated } = await choosePassword(email, values["password-stdin"] === true);
      await withMigratedDatabase(async (db) => {
        await setPasswordHash(db.sql, email, await hashPassword(password), cliActor());
        console.error(`Set a new password for ${email}; its sessions are ended.`);
        if (generated) console.log(password);
      });
      return;
    }
    case "disable":
    case "enable":
      await withMigratedDatabase(async (db) => {
        await setDisabled(db.sql, email, command === "disable", cliActor());
        console.log(command === "disable" ? `Disabled ${email}; its sessions end at their next request.` : `Enabled ${email}.`);
      });
      return;
    default:
      throw new Error(USAGE);
  }
});

async function list(): Promise<void> {
  await withMigratedDatabase(async (db) => {
    const users = await listUsers(db.sql);
    console.log(users.length === 0 ? `No accounts in ${db.location}.` : table(users));
  });
}

function userRole(role: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${USER_ROLES.join(", ")}\n${USAGE}`);
  return role as UserRole;
}

/** The password from standard input (one line), or a generated one to print once. */
async function choosePassword(email: string, fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const lines = createInterface({ input: process.stdin });
  let password = "";
  for await (const line of lines) {
    password = line;
    break;
  }
  lines.close();
  const problem = passwordProblem(password, email);
  if (problem !== null) throw new Error(`The password ${problem}`);
  return { password, generated: false };
}

function table(users: readonly UserSummary[]): string {
  const rows = users.map((u) => [
    u.email,
    u.disabledAt ? "disabled" : "active",
    u.grants.map((g) => `${g.role}@${g.scope === "" ? "(all)" : g.scope}`).join(" ") || "(no role)",
    u.lastSignInAt ? u.lastSignInAt.toISOString() : "never",
    u.name,
  ]);
  return textTable([["EMAIL", "STATE", "ROLES", "LAST SIGN-IN", "NAME"], ...rows]);
}
