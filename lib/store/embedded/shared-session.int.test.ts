import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded, type Database } from "@/lib/store/database";
import { servePGlite, type PGliteServer } from "@/lib/store/embedded/serve-pglite";
import { listenAddress, readAddress, socketTo, type ServedAddress } from "@/lib/store/embedded/served-address";
import { queryMessage } from "@/lib/store/embedded/wire";
import { unsyncedStatement, WireProbe } from "@/lib/testing/wire-probe";
import { seededRandom } from "@/lib/vsm/random";

/**
 * The embedded database's server (docs/design.md §9) against real PGlite and real `pg` clients:
 * a transaction holds the one backend session, so no other client's statement lands inside it,
 * and whatever a vanished client left open is rolled back.
 */
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vsm-served-")), "data");
let owner: Database;
let address: ServedAddress;
const clients: Client[] = [];

async function connect(): Promise<Client> {
  const client = new Client({ user: "postgres", database: "postgres", stream: () => socketTo(Promise.resolve(address)) });
  await client.connect();
  clients.push(client);
  return client;
}
const probeRows = async () => (await owner.sql.query<{ who: string }>("SELECT who FROM probe ORDER BY id")).map((r) => r.who);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether a promise is still pending after `ms`. */
async function stillPending(promise: Promise<unknown>, ms = 200): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return !settled;
}

beforeAll(async () => {
  owner = openEmbedded(dataDir);
  await owner.sql.exec(
    "CREATE TABLE probe (id serial PRIMARY KEY, who text NOT NULL); CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)",
  );
  address = readAddress(dataDir)!;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await owner.close();
});

describe("the embedded database's server", () => {
  it("keeps another client's write out of an open transaction, and that transaction's rollback loses none of it", async () => {
    await owner.sql.exec("TRUNCATE probe");
    const [a, b] = [await connect(), await connect()];
    await b.query("INSERT INTO probe (who) VALUES ('b before')");
    await a.query("BEGIN");
    await a.query("INSERT INTO probe (who) VALUES ('a')");
    const bDuring = b.query("INSERT INTO probe (who) VALUES ('b during')");
    expect(await stillPending(bDuring)).toBe(true);
    expect((await a.query<{ who: string }>("SELECT who FROM probe ORDER BY id")).rows.map((r) => r.who)).toEqual(["b before", "a"]);
    await a.query("ROLLBACK");
    await bDuring;
    expect(await probeRows()).toEqual(["b before", "b during"]);
  });

  it("serialises SELECT … FOR UPDATE: concurrent read-modify-write loses no increment", async () => {
    await owner.sql.exec("DELETE FROM counter; INSERT INTO counter VALUES (1, 0)");
    const workers = await Promise.all([connect(), connect(), connect()]);
    await Promise.all(
      workers.map(async (client) => {
        for (let i = 0; i < 20; i += 1) {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = 1 FOR UPDATE");
          await sleep(1); // let the others try to get in between the read and the write
          await client.query("UPDATE counter SET n = $1 WHERE id = 1", [rows[0]!.n + 1]);
          await client.query("COMMIT");
        }
      }),
    );
    expect((await owner.sql.query<{ n: number }>("SELECT n FROM counter"))[0]!.n).toBe(60);
  });

  it("keeps money conserved under racing transfers, rollbacks and clients vanishing mid-transaction", async () => {
    await owner.sql.exec(`CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL);
      CREATE TABLE transfer (id serial PRIMARY KEY, source int NOT NULL, target int NOT NULL, amount int NOT NULL);
      INSERT INTO account SELECT g, 100 FROM generate_series(1, 10) g`);
    const seeded = seededRandom(7);
    const random = () => seeded.next();
    const committed: number[] = [];
    const transfers = async (client: Client) => {
      for (let i = 0; i < 40; i += 1) {
        const [source, target] = [1 + Math.floor(random() * 10), 1 + Math.floor(random() * 10)];
        const amount = 1 + Math.floor(random() * 20);
        const commit = random() < 0.7;
        await client.query("BEGIN");
        const { rows } = await client.query<{ balance: number }>("SELECT balance FROM account WHERE id = $1 FOR UPDATE", [source]);
        await sleep(random() < 0.2 ? 2 : 0); // room for others to try to get in between
        await client.query("UPDATE account SET balance = $1 WHERE id = $2", [rows[0]!.balance - amount, source]);
        await client.query("UPDATE account SET balance = balance + $1 WHERE id = $2", [amount, target]);
        await client.query("INSERT INTO transfer (source, target, amount) VALUES ($1, $2, $3)", [source, target, amount]);
        await client.query(commit ? "COMMIT" : "ROLLBACK");
        if (commit) committed.push(amount);
      }
    };
    const vandal = async () => {
      for (let i = 0; i < 8; i += 1) {
        const probe = await WireProbe.open(address);
        await probe.exchange(queryMessage("BEGIN; UPDATE account SET balance = balance + 1000 WHERE id = 1"));
        if (i % 2 === 0) probe.send(unsyncedStatement("UPDATE account SET balance = balance + 1000 WHERE id = 2"));
        await sleep(random() * 5);
        probe.drop();
      }
    };
    await Promise.all([...(await Promise.all([connect(), connect(), connect(), connect()])).map(transfers), vandal()]);
    const [totals] = await owner.sql.query<{ money: number; logged: number }>(
      "SELECT (SELECT sum(balance)::int FROM account) AS money, (SELECT count(*)::int FROM transfer) AS logged",
    );
    expect(totals).toEqual({ money: 1000, logged: committed.length });
    const drift = await owner.sql.query(
      `SELECT a.id FROM account a WHERE a.balance <> 100
         - coalesce((SELECT sum(amount) FROM transfer WHERE source = a.id), 0) + coalesce((SELECT sum(amount) FROM transfer WHERE target = a.id), 0)`,
    );
    expect(drift).toEqual([]);
  });

  it("rolls back the open transaction of a client that disconnects, and lets the others on", async () => {
    await owner.sql.exec("TRUNCATE probe");
    const probe = await WireProbe.open(address);
    expect(await probe.exchange(queryMessage("BEGIN; INSERT INTO probe (who) VALUES ('vanished')"))).toBe("T");
    const waiting = owner.sql.query("INSERT INTO probe (who) VALUES ('waiting')");
    expect(await stillPending(waiting)).toBe(true);
    probe.drop();
    await waiting;
    expect(await probeRows()).toEqual(["waiting"]);
  });

  it("does not commit half an extended-protocol batch whose client vanished before its Sync", async () => {
    await owner.sql.exec("TRUNCATE probe");
    const probe = await WireProbe.open(address);
    probe.send(unsyncedStatement("INSERT INTO probe (who) VALUES ('unsynced')"));
    await sleep(100);
    probe.drop();
    await owner.sql.query("INSERT INTO probe (who) VALUES ('after')");
    expect(await probeRows()).toEqual(["after"]);
  });

  it("resets session settings when another client takes the session", async () => {
    const [a, b] = [await connect(), await connect()];
    const before = (await b.query<{ search_path: string }>("SHOW search_path")).rows[0]!.search_path;
    await a.query("SET search_path TO nowhere");
    expect((await a.query<{ search_path: string }>("SHOW search_path")).rows[0]!.search_path).toBe("nowhere");
    expect((await b.query<{ search_path: string }>("SHOW search_path")).rows[0]!.search_path).toBe(before);
  });

  it("refuses COPY FROM STDIN, which would bring PGlite down, as an ordinary error that aborts the transaction", async () => {
    const client = await connect();
    await client.query("BEGIN");
    await expect(client.query("COPY probe (who) FROM STDIN")).rejects.toMatchObject({
      code: "0A000",
      message: "COPY FROM STDIN is not supported by the embedded database",
    });
    await expect(client.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
    await client.query("ROLLBACK");
    expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("answers a second opener in this process through the same server, and refuses startup settings it cannot isolate", async () => {
    const second = openEmbedded(dataDir);
    try {
      expect(second.location).toBe(owner.location);
      expect(await second.sql.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await second.close();
    }
    expect(await owner.sql.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    const client = new Client({ user: "postgres", stream: () => socketTo(Promise.resolve(address)), options: "-c search_path=nowhere" });
    await expect(client.connect()).rejects.toThrow(/startup parameter "options" is not supported/);
  });
});

describe("a transaction left idle", () => {
  let server: PGliteServer;
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = new PGlite();
    server = await servePGlite(pglite, listenAddress(mkdtempSync(path.join(tmpdir(), "vsm-idle-"))), { idleInTransactionMs: 300 });
  });
  afterAll(async () => {
    await server.stop();
    await pglite.close();
  });

  it("is ended after the timeout, so one stalled process cannot stall every other", async () => {
    const connectTo = () => new Client({ user: "postgres", stream: () => socketTo(Promise.resolve(server.address)) });
    const [idle, other] = [connectTo(), connectTo()];
    idle.on("error", () => undefined);
    await idle.connect();
    await other.connect();
    await idle.query("CREATE TABLE t (x int)");
    await idle.query("BEGIN");
    await idle.query("INSERT INTO t VALUES (1)");
    const started = Date.now();
    expect((await other.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0]!.n).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(idle.query("COMMIT")).rejects.toThrow();
    await other.end();
  });
});
