import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { actualSchema } from "@/lib/testing/actual-schema";
import { compareSchemas } from "@/lib/testing/compare-schemas";
import { expectedSchema } from "@/lib/testing/expected-schema";
import type { SchemaShape } from "@/lib/testing/schema-shape";

// Stands in for `prisma migrate diff` (which needs a native engine we cannot download): if this
// passes, Prisma Migrate would generate no new migration for schema.prisma.

let db: TestDatabase;
let schemaText: string;
let migrated: SchemaShape;

beforeAll(async () => {
  schemaText = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  db = await createTestDatabase(); // applies every migration to an empty database
  migrated = await actualSchema(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

/** Replaces exactly one occurrence, so a drift test cannot pass by editing nothing. */
function edit(text: string, from: string | RegExp, to: string): string {
  const source = typeof from === "string" ? from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : from.source;
  const count = text.match(new RegExp(source, "g"))?.length ?? 0;
  if (count !== 1) throw new Error(`expected exactly one match for ${String(from)}, got ${count}`);
  return text.replace(from, to);
}

const drift = (schema: string) => compareSchemas(expectedSchema(schema), migrated);

describe("schema.prisma and the migrations", () => {
  it("agree: applying every migration to an empty database gives exactly the schema's tables", () => {
    expect(compareSchemas(expectedSchema(schemaText), migrated)).toEqual([]);
    // Guard against a vacuous pass: both sides really were read.
    expect([...migrated.tables.keys()].sort()).toEqual([
      "api_key",
      "app_user",
      "audit_event",
      "channel",
      "counter_memory",
      "external_alert",
      "filter_checkpoint",
      "filter_cursor",
      "filter_event",
      "idempotent_request",
      "indicator",
      "metric_type",
      "observation",
      "role_grant",
      "rollup",
      "rollup_journal",
      "sign_in_link",
      "signal",
      "signal_deadline",
      "signal_event",
      "silence",
      "stream_event",
      "system",
      "system_function",
      "unassigned_point",
    ]);
    expect(migrated.indexes.get("observation.observation_pkey")?.columns).toEqual(["indicator_id", "observed_at"]);
  });
});

describe("the agreement check catches drift", () => {
  it("a field added to a model without a migration", () => {
    const schema = edit(schemaText, /\n(\s+)family(\s+)String\?/, "\n$1note$2String?        @db.VarChar(80)\n$1family$2String?");
    expect(drift(schema)).toEqual(["column indicator.note: in schema.prisma but not in the migrations"]);
  });

  it("an @@index added without a migration", () => {
    const schema = edit(
      schemaText,
      `  @@unique([systemId, key])\n  @@map("indicator")`,
      `  @@unique([systemId, key])\n  @@index([family, createdAt(sort: Desc)])\n  @@map("indicator")`,
    );
    expect(drift(schema)).toEqual(["index indicator.indicator_family_created_at_idx: in schema.prisma but not in the migrations"]);
  });

  it("a changed nullability", () => {
    const schema = edit(schemaText, /family(\s+)String\?/, "family$1String ");
    expect(drift(schema)).toEqual(["column indicator.family: nullability is NOT NULL in schema.prisma but NULL in the migrations"]);
  });

  it("a changed type", () => {
    const schema = edit(schemaText, "unit         String         @db.VarChar(32)", "unit         String         @db.VarChar(48)");
    expect(drift(schema)).toEqual([
      "column indicator.unit: type is character varying(48) in schema.prisma but character varying(32) in the migrations",
    ]);
  });

  it("a changed default, referential action and enum value", () => {
    let schema = edit(schemaText, "present  Boolean      @default(false)", "present  Boolean      @default(true)");
    schema = edit(
      schema,
      /(createdAt +DateTime @default\(now\(\)\) @map\("created_at"\) @db.Timestamptz\(3\)\n\n +indicator Indicator @relation\(fields: \[indicatorId\], references: \[id\]), onDelete: Cascade\)\n\n +@@index\(\[indicatorId, reportedAt\]\)/,
      "$1)\n\n  @@index([indicatorId, reportedAt])",
    );
    schema = edit(schema, "  up\n  down\n", "  up\n  down\n  sideways\n");
    expect(drift(schema)).toEqual([
      "enum direction: value list is (up, down, sideways) in schema.prisma but (up, down) in the migrations",
      'column system_function.present: default is "true" in schema.prisma but "false" in the migrations',
      "foreign key filter_event.filter_event_indicator_id_fkey: is (indicator_id) -> indicator(id) ON DELETE RESTRICT ON UPDATE CASCADE " +
        "in schema.prisma but (indicator_id) -> indicator(id) ON DELETE CASCADE ON UPDATE CASCADE in the migrations",
    ]);
  });

  it("a column and an index in the database that schema.prisma does not have", async () => {
    await db.sql.exec(`ALTER TABLE "indicator" ADD COLUMN "extra" TEXT; CREATE INDEX "indicator_extra_idx" ON "indicator"("extra")`);
    try {
      expect(compareSchemas(expectedSchema(schemaText), await actualSchema(db.sql))).toEqual([
        "column indicator.extra: in the migrations but not in schema.prisma",
        "index indicator.indicator_extra_idx: in the migrations but not in schema.prisma",
      ]);
    } finally {
      await db.sql.exec(`ALTER TABLE "indicator" DROP COLUMN "extra"`); // drops its index too
    }
    expect(compareSchemas(expectedSchema(schemaText), await actualSchema(db.sql))).toEqual([]);
  });
});
