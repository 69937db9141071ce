import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** A new, empty database on the PostgreSQL server of `serverUrl`, and how to remove it again. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on a connection of its own, opened and closed around it. */
export async function queryServer<Row>(serverUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** `prefix` names what it is for (`vsm_test`, `vsm_e2e`), so a leftover is easy to trace. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await queryServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => void (await queryServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
