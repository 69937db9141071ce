import { describe, expect, it } from "vitest";
import { batchLoader, groupBy } from "@/lib/graphql/batch-loader";

function squares() {
  const batches: number[][] = [];
  const load = batchLoader<number, number>(async (keys) => {
    batches.push([...keys]);
    return new Map(keys.filter((k) => k >= 0).map((k) => [k, k * k]));
  });
  return { load, batches };
}

describe("batchLoader", () => {
  it("loads the keys asked for together in one call, each once, and answers each caller", async () => {
    const { load, batches } = squares();
    const answers = await Promise.all([load(2), load(3), load(2), load(-1)]);
    expect(answers).toEqual([4, 9, 4, undefined]);
    expect(batches).toEqual([[2, 3, -1]]);
  });

  it("gathers callers that awaited something first, as resolvers of one level do", async () => {
    const { load, batches } = squares();
    const resolver = async (key: number) => {
      await Promise.resolve();
      await Promise.resolve();
      return load(key);
    };
    expect(await Promise.all([resolver(1), resolver(2), resolver(3)])).toEqual([1, 4, 9]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("remembers what it loaded for the rest of the request, and loads new keys in a new batch", async () => {
    const { load, batches } = squares();
    await load(4);
    expect(await Promise.all([load(4), load(5)])).toEqual([16, 25]);
    expect(batches).toEqual([[4], [5]]);
  });

  it("fails every caller of a batch whose load failed", async () => {
    const load = batchLoader<number, number>(() => Promise.reject(new Error("database away")));
    const results = await Promise.allSettled([load(1), load(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});

describe("groupBy", () => {
  it("groups rows by key, keeping their order", () => {
    const rows = [
      { parent: 1, path: "a/x" },
      { parent: 2, path: "b/y" },
      { parent: 1, path: "a/z" },
    ];
    expect(groupBy(rows, (r) => r.parent)).toEqual(
      new Map([
        [1, [rows[0], rows[2]]],
        [2, [rows[1]]],
      ]),
    );
  });
});
