import { describe, expect, it } from "vitest";
import { combineWrites, WaitingWrites, writeTarget } from "./combined-writes";

const insertA = { text: `INSERT INTO "a" (x, y) SELECT * FROM unnest($1::int[], $2::int[])`, params: [[1], [2]] };
const updateB = { text: `UPDATE "b" SET v = $2 WHERE id = $1 AND w = $2`, params: ["k", 3] };
const deleteC = { text: `DELETE FROM c WHERE id = ANY($1::int[])`, params: [[4, 5]] };

describe("combineWrites", () => {
  it("sends one write as it is", () => {
    expect(combineWrites([insertA])).toBe(insertA);
  });

  it("makes each write a WITH query and moves its placeholders past the parameters before it", () => {
    const combined = combineWrites([insertA, updateB, deleteC]);
    expect(combined.text).toBe(
      [
        `WITH w0 AS (INSERT INTO "a" (x, y) SELECT * FROM unnest($1::int[], $2::int[])),`,
        `w1 AS (UPDATE "b" SET v = $4 WHERE id = $3 AND w = $4),`,
        `w2 AS (DELETE FROM c WHERE id = ANY($5::int[]))`,
        `SELECT 1`,
      ].join("\n"),
    );
    expect(combined.params).toEqual([[1], [2], "k", 3, [4, 5]]);
  });
});

describe("WaitingWrites", () => {
  it("puts writes to different tables in one statement, and nothing is left once taken", () => {
    const waiting = new WaitingWrites();
    waiting.add([insertA]);
    waiting.add([updateB]);
    waiting.add([deleteC]);
    expect(waiting.take()).toEqual([combineWrites([insertA, updateB, deleteC])]);
    expect(waiting.take()).toEqual([]);
  });

  it("starts the next statement at a second write to a table, so writes to one table keep their order", () => {
    const waiting = new WaitingWrites();
    const again = { text: `INSERT INTO "a" (x) VALUES ($1)`, params: [9] };
    waiting.add([insertA]);
    waiting.add([updateB]);
    waiting.add([again]);
    waiting.add([deleteC]);
    expect(waiting.take()).toEqual([combineWrites([insertA, updateB]), combineWrites([again, deleteC])]);
  });

  it("keeps the parts of one write together, even on one table", () => {
    const waiting = new WaitingWrites();
    const gone = { text: `DELETE FROM "a" WHERE x = $1`, params: [1] };
    waiting.add([gone, insertA]);
    expect(waiting.take()).toEqual([combineWrites([gone, insertA])]);
  });
});

describe("writeTarget", () => {
  it("names the table of an INSERT, UPDATE or DELETE whose placeholders all have parameters", () => {
    expect(writeTarget({ text: `\n  insert INTO "a" VALUES ($1, $2)`, params: [1, 2] })).toBe("a");
    expect(writeTarget(updateB)).toBe("b");
    expect(writeTarget(deleteC)).toBe("c");
  });

  it("refuses anything else: a SELECT, a WITH, a dollar-quoted string, a placeholder without a parameter", () => {
    expect(() => writeTarget({ text: `SELECT pg_notify('x', 'y')`, params: [] })).toThrow(/only an INSERT, UPDATE or DELETE/);
    expect(() => writeTarget({ text: `WITH x AS (SELECT 1) INSERT INTO "a" SELECT * FROM x`, params: [] })).toThrow(/only an INSERT/);
    expect(() => writeTarget({ text: `INSERT INTO "a" VALUES ($tag$text$tag$)`, params: [] })).toThrow(/only in its placeholders/);
    expect(() => writeTarget({ text: `INSERT INTO "a" VALUES ($1, $3)`, params: [1, 2] })).toThrow(/\$3 has no parameter/);
    expect(() => writeTarget({ text: `INSERT INTO "a" VALUES ($0)`, params: [1] })).toThrow(/\$0 has no parameter/);
  });
});
