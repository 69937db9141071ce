import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetentionSettings } from "@/lib/pipeline/retention";
import { scheduleMaintenance } from "@/lib/telemetry/schedule-maintenance";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { DAY } from "@/lib/vsm/types";

const RETENTION: RetentionSettings = {
  raw: 35 * DAY,
  rollups: { minute: 7 * DAY, hour: 90 * DAY, day: 365 * DAY },
  idempotency: DAY,
  monthsAhead: 2,
};
const NOW = Date.UTC(2026, 10, 15);

function capture() {
  const lines: { level: number; msg: string; partitionsCreated?: string[] }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, log: pino({ level: "debug" }, stream) };
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("scheduleMaintenance", () => {
  it("runs at once, logs what it did at info and a run with nothing to do at debug", async () => {
    const { lines, log } = capture();
    const schedule = scheduleMaintenance(db, RETENTION, log, { interval: 60_000, now: () => NOW });
    const first = await schedule.last;
    schedule.stop();
    expect(first?.partitionsCreated).toEqual(["observation_y2026m11", "observation_y2026m12", "observation_y2027m01"]);
    expect(lines.at(-1)).toMatchObject({ level: 30, msg: "maintenance: partitions and retention applied" });

    const again = scheduleMaintenance(db, RETENTION, log, { interval: 60_000, now: () => NOW });
    await again.last;
    again.stop();
    expect(lines.at(-1)).toMatchObject({ level: 20, msg: "maintenance: nothing to do", partitionsCreated: [] });
  });

  it("logs a failed run as an error and tries again at the next tick", async () => {
    const broken = await createTestDatabase({ migrate: false });
    await broken.drop();
    const { lines, log } = capture();
    const schedule = scheduleMaintenance(broken, RETENTION, log, { interval: 50, now: () => NOW });
    expect(await schedule.last).toBeNull();
    const failures = () => lines.filter((l) => l.level === 50 && l.msg === "maintenance failed; it runs again at the next interval");
    for (let waited = 0; failures().length < 2 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    schedule.stop();
    expect(failures().length).toBeGreaterThanOrEqual(2);
  });
});
