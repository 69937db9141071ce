import { buildSchema, getIntrospectionQuery, parse, validate, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { GRAPHQL_LIMITS } from "@/lib/graphql/endpoint-limits";
import { costLimitRule } from "@/lib/graphql/limits/cost-limit";
import { depthLimitRule } from "@/lib/graphql/limits/depth-limit";
import { introspectionLimitRule } from "@/lib/graphql/limits/introspection-limit";
import { typeDefs } from "@/lib/graphql/type-defs";

/** The endpoint's own schema and limits, so the figures below are the ones readers meet. */
const schema = buildSchema(typeDefs);
const errorsOf = (query: string, rule = depthLimitRule(GRAPHQL_LIMITS.maxDepth)): readonly GraphQLError[] =>
  validate(schema, parse(query), [rule]);

/** An operation's cost, read from the refusal of a zero budget. */
function costOf(query: string): number {
  const [error] = validate(schema, parse(query), [costLimitRule({ ...GRAPHQL_LIMITS.cost, budget: 0 })]);
  return Number(error?.extensions.cost);
}

/** `units { … }` nested `levels` times under roots, with `path` at the bottom: levels + 2 deep. */
const unitsNested = (levels: number): string => `{ roots { ${"units { ".repeat(levels)}path${" }".repeat(levels)} } }`;

describe("depthLimitRule", () => {
  it("admits 8 levels and refuses 9, naming the depth and the maximum", () => {
    expect(errorsOf(unitsNested(6))).toEqual([]);
    const [error, ...more] = errorsOf(unitsNested(7));
    expect(more).toEqual([]);
    expect(error?.message).toBe("The query nests fields 9 deep, more than the maximum depth of 8");
    expect(error?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", depth: 9, maxDepth: 8 });
  });

  it("counts through fragments and inline fragments", () => {
    const query = `{ roots { ...Two } }
      fragment Two on System { units { ... on System { units { ...Deep } } } }
      fragment Deep on System { units { units { units { units { units { path } } } } } }`;
    expect(errorsOf(query)[0]?.extensions).toMatchObject({ depth: 9 });
  });

  it("measures each fragment once, so a fragment spread twice at every level stays cheap to check", () => {
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on System { a: units { ...F${i + 1} } b: units { ...F${i + 1} } }`);
    const query = `{ roots { ...F0 } } ${chain.join(" ")} fragment F40 on System { path }`;
    const started = performance.now();
    expect(errorsOf(query)[0]?.extensions).toMatchObject({ depth: 42 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("does not loop on a fragment cycle, which graphql's own rule refuses", () => {
    const query = `{ roots { ...A } } fragment A on System { units { ...B } } fragment B on System { units { ...A } }`;
    expect(errorsOf(query)).toEqual([]);
    expect(validate(schema, parse(query)).map((e) => e.message)).toContainEqual(expect.stringContaining("Cannot spread fragment"));
  });

  it("leaves introspection to its own rule: the standard introspection query passes every limit", () => {
    const rules = [
      depthLimitRule(GRAPHQL_LIMITS.maxDepth),
      introspectionLimitRule(GRAPHQL_LIMITS.maxIntrospectionNesting),
      costLimitRule(GRAPHQL_LIMITS.cost),
    ];
    expect(validate(schema, parse(getIntrospectionQuery()), rules)).toEqual([]);
  });
});

describe("introspectionLimitRule", () => {
  const rule = introspectionLimitRule(3);

  it("refuses member lists nested more than 3 deep, directly or through fragments", () => {
    const three = `{ __type(name: "System") { fields { type { fields { type { fields { name } } } } } } }`;
    const four = `{ __type(name: "System") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }`;
    expect(errorsOf(three, rule)).toEqual([]);
    expect(errorsOf(four, rule)[0]?.extensions).toMatchObject({ code: "INTROSPECTION_TOO_DEEP", nesting: 4, maxNesting: 3 });
    const viaFragments = `{ __schema { types { ...T } } }
      fragment T on __Type { fields { type { ...U } } }
      fragment U on __Type { interfaces { possibleTypes { inputFields { name } } } }`;
    expect(errorsOf(viaFragments, rule)[0]?.extensions).toMatchObject({ nesting: 4 });
  });

  it("ignores the model's own fields", () => {
    expect(errorsOf(unitsNested(7), rule)).toEqual([]);
  });
});

describe("costLimitRule", () => {
  it("charges 1 per field and multiplies a connection's fields by its first", () => {
    expect(costOf(`{ signal(id: "x") { id } }`)).toBe(2);
    // signals 1 + nodes (1 + 10 × id 1) + pageInfo (1 + 1): first multiplies the item list, not pageInfo
    expect(costOf(`{ signals(first: 10) { nodes { id } pageInfo { hasNextPage } } }`)).toBe(14);
  });

  it("takes first's default when it is left out, and the largest page when a variable gives it", () => {
    expect(costOf(`{ signals { nodes { id } } }`)).toBe(2 + 50);
    expect(costOf(`query Page($n: Int) { signals(first: $n) { edges { node { id } } } }`)).toBe(2 + 100 * 2);
  });

  it("multiplies nested lists by their assumed lengths", () => {
    // roots 1 + 3 × (units 1 + 10 × path 1)
    expect(costOf(`{ roots { units { path } } }`)).toBe(34);
    // signals 1 + nodes (1 + 100 × (timeline (1 + 10 × 1) + unit (1 + units (1 + 10 × (indicators 1 + 10 × 1)))))
    expect(costOf(`{ signals(first: 100) { nodes { timeline { at } unit { units { indicators { key } } } } } }`)).toBe(2 + 100 * 123);
  });

  it("figures docs/graphql.md's example as the document says", () => {
    expect(costOf(`{ signals(first: 100) { nodes { id timeline { at kind } } } }`)).toBe(2_202);
  });

  it("counts every alias and every spread of a fragment", () => {
    expect(
      costOf(`{ a: signals(first: 10) { ...N } b: signals(first: 10) { ...N } } fragment N on SignalConnection { nodes { id } }`),
    ).toBe(24);
  });

  it("does not let a negative first lower the cost of the fields beside it", () => {
    expect(costOf(`{ signals(first: -1000) { nodes { id } } }`)).toBe(2);
  });

  it("refuses an operation over the budget with a message naming it", () => {
    const [error] = validate(schema, parse(`{ signals(first: 100) { nodes { timeline { at } unit { units { indicators { key } } } } } }`), [
      costLimitRule(GRAPHQL_LIMITS.cost),
    ]);
    expect(error?.message).toMatch(/^The query could cost 12,302, over the budget of 5,000: /);
    expect(error?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", cost: 12_302, budget: 5_000 });
  });

  it("admits a full page of signals with their timelines and units", () => {
    const query = `{ signals(first: 100) { nodes { id state raisedAt timeline { at kind actor } unit { path name } } pageInfo { hasNextPage endCursor } } }`;
    expect(validate(schema, parse(query), [costLimitRule(GRAPHQL_LIMITS.cost)])).toEqual([]);
  });

  it("gives up on figures past 2^53 without overflowing its message", () => {
    const deep = `{ roots { ${"units { ".repeat(17)}path${" }".repeat(17)} } }`;
    const [error] = validate(schema, parse(deep), [costLimitRule(GRAPHQL_LIMITS.cost)]);
    expect(error?.message).toMatch(/^The query could cost more than 9,007,199,254,740,991/);
  });
});
