import pino from "pino";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { createApiKey } from "@/lib/store/api-keys";
import { openDatabase } from "@/lib/store/database";
import { createUser } from "@/lib/store/users";

/** What the specs get through the environment: the ingest key's token and three accounts to sign in with. */
export interface E2eCredentials {
  E2E_INGEST_KEY: string;
  E2E_ADMIN_EMAIL: string;
  E2E_ADMIN_PASSWORD: string;
  E2E_VIEWER_EMAIL: string;
  E2E_VIEWER_PASSWORD: string;
  E2E_NEWCOMER_EMAIL: string;
  E2E_NEWCOMER_PASSWORD: string;
}

/**
 * Prepares the e2e database before the server starts: the same first-start path the server runs
 * (migrations, then the SaaS example), an ingest key for the specs that post telemetry, an admin
 * of the whole model, a viewer of one subtree and a newcomer with no role yet (fresh passwords each run). The embedded
 * database belongs to one process at a time, so this finishes — and closes it — before `next
 * start` opens it.
 */
export async function prepareE2eDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }): Promise<E2eCredentials> {
  const db = openDatabase(env);
  try {
    await prepareDatabase(db, { VSM_SEED_EXAMPLE: "saas" }, pino({ level: "warn" }));
    const { token } = await createApiKey(db.sql, { name: "e2e ingest key", role: "ingest", scope: "" }, "e2e");
    const admin = { email: "e2e-admin@vsm.example", password: generatePassword() };
    const viewer = { email: "e2e-viewer@vsm.example", password: generatePassword() };
    const newcomer = { email: "e2e-newcomer@vsm.example", password: generatePassword() };
    await createUser(
      db.sql,
      { email: admin.email, name: "E2E Admin", passwordHash: await hashPassword(admin.password), grants: [{ role: "admin", scope: "" }] },
      "e2e",
    );
    await createUser(
      db.sql,
      {
        email: viewer.email,
        name: "E2E Viewer",
        passwordHash: await hashPassword(viewer.password),
        grants: [{ role: "viewer", scope: "acme/payments" }],
      },
      "e2e",
    );
    await createUser(
      db.sql,
      { email: newcomer.email, name: "E2E Newcomer", passwordHash: await hashPassword(newcomer.password), grants: [] },
      "e2e",
    );
    return {
      E2E_INGEST_KEY: token,
      E2E_ADMIN_EMAIL: admin.email,
      E2E_ADMIN_PASSWORD: admin.password,
      E2E_VIEWER_EMAIL: viewer.email,
      E2E_VIEWER_PASSWORD: viewer.password,
      E2E_NEWCOMER_EMAIL: newcomer.email,
      E2E_NEWCOMER_PASSWORD: newcomer.password,
    };
  } finally {
    await db.close();
  }
}
