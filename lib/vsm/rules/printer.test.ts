import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/vsm/rules/ast";
import { parse } from "@/lib/vsm/rules/parser";
import { print, printField, printLiteral } from "@/lib/vsm/rules/printer";

const reprint = (source: string) => {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.message);
  return print(result.expr);
};

describe("print", () => {
  it("prints canonical text with only the parentheses the tree needs", () => {
    expect(reprint("(a = 1)   and ((b='x'))")).toBe('a = 1 and b = "x"');
    expect(reprint("a = 1 or (b = 2 and c = 3)")).toBe("a = 1 or b = 2 and c = 3");
    expect(reprint("(a = 1 or b = 2) and c = 3")).toBe("(a = 1 or b = 2) and c = 3");
    expect(reprint("a = 1 or (b = 2 or c = 3)")).toBe("a = 1 or (b = 2 or c = 3)");
    expect(reprint("a = 1 and (b = 2 and c = 3)")).toBe("a = 1 and (b = 2 and c = 3)");
    expect(reprint("not (a = 1 and b exists)")).toBe("not (a = 1 and b exists)");
    expect(reprint("a = 1 then (b = 2 then c = 3 within 1m) within 2m")).toBe("a = 1 then (b = 2 then c = 3 within 1m) within 2m");
    expect(reprint("(a = 1 then b = 2 within 60s) then c = 3 within 120000ms")).toBe("a = 1 then b = 2 within 1m then c = 3 within 2m");
    expect(reprint("not (a = 1 then b = 2 within 1d) or x = true")).toBe("not (a = 1 then b = 2 within 1d) or x = true");
    expect(reprint("count((a = 1 or b = 2)) >= 3 within 1500ms")).toBe("count(a = 1 or b = 2) >= 3 within 1500ms");
    expect(reprint("x > 00")).toBe("x > 0");
    expect(reprint("count(a = 1) = 0 within 0ms")).toBe("count(a = 1) = 0 within 0s");
  });

  it("quotes field segments that would not read back as themselves", () => {
    expect(printField(["labels", "severity"])).toBe("labels.severity");
    expect(printField(["items", "0", "5xx-rate"])).toBe("items.0.5xx-rate");
    expect(printField(["and"])).toBe("`and`");
    expect(printField(["count", "and"])).toBe("count.and");
    expect(printField(["0"])).toBe("`0`");
    expect(printField(["app.kubernetes.io/name", "a`b\\c", ""])).toBe("`app.kubernetes.io/name`.`a\\`b\\\\c`.``");
  });

  it("prints literals so that they lex back to the same value", () => {
    expect(printLiteral('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(printLiteral(-0)).toBe("-0");
    expect(printLiteral(1e21)).toBe("1e+21");
    expect(printLiteral(false)).toBe("false");
    const minusZero: Expr = { type: "compare", field: ["x"], op: "=", value: -0 };
    const back = parse(print(minusZero));
    expect(back.ok && Object.is((back.expr as typeof minusZero).value, -0)).toBe(true);
  });
});
