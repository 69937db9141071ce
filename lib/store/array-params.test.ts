import { describe, expect, it } from "vitest";
import { arrayLiteral, arrayParams } from "@/lib/store/array-params";

describe("arrayLiteral", () => {
  it("writes numbers, booleans and NULL bare, as PostgreSQL's array input reads them", () => {
    expect(arrayLiteral([1, -2.5, 1e21, 5e-324, Number.NaN, Infinity, -Infinity, null, undefined, true, false])).toBe(
      "{1,-2.5,1e+21,5e-324,NaN,Infinity,-Infinity,NULL,NULL,true,false}",
    );
    expect(arrayLiteral([])).toBe("{}");
  });

  it("quotes every string and escapes backslashes and double quotes", () => {
    expect(arrayLiteral(["minute", "", "NULL", "a,b", "{x}", 'say "hi"', "C:\\dir", '{"12":3}', "é ✓"])).toBe(
      '{"minute","","NULL","a,b","{x}","say \\"hi\\"","C:\\\\dir","{\\"12\\":3}","é ✓"}',
    );
  });

  it("leaves arrays of anything else to the driver", () => {
    expect(arrayLiteral([1, new Date(0)])).toBeUndefined();
    expect(arrayLiteral([[1, 2]])).toBeUndefined();
    expect(arrayLiteral([1n])).toBeUndefined();
    expect(arrayLiteral([{ a: 1 }])).toBeUndefined();
  });
});

describe("arrayParams", () => {
  it("turns only flat arrays of plain values into literals", () => {
    const date = new Date(0);
    expect(arrayParams([[1, 2], "text", 3, null, [date], { a: 1 }])).toEqual(["{1,2}", "text", 3, null, [date], { a: 1 }]);
  });
});
