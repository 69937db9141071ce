import { describe, expect, it } from "vitest";
import { pageSize } from "@/lib/graphql/page-size";
import { pageOf } from "@/lib/keyset-page";

describe("page sizes", () => {
  it("take first, or 50 when it is left out or null, within 1–100", () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const first of [0, -1, 101]) expect(() => pageSize(first)).toThrow(`first must be between 1 and 100, got ${first}`);
  });

  it("tell from one row more than the page whether another page follows", () => {
    expect(pageOf([1, 2, 3], 2)).toEqual({ page: [1, 2], hasNextPage: true });
    expect(pageOf([1, 2], 2)).toEqual({ page: [1, 2], hasNextPage: false });
  });
});
