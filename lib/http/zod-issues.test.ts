import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validationError } from "@/lib/http/zod-issues";

const schema = z.strictObject({
  name: z.string().min(1).max(10),
  level: z.number().int().min(0),
  kind: z.enum(["s2", "s3"]),
  tags: z.array(z.string().regex(/^[a-z]+$/)).optional(),
  source: z.union([z.string(), z.number()]).optional(),
});

function judge(input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error("expected the input to fail");
  return validationError([{ issues: result.error.issues }]);
}

const valid = { name: "Ops", level: 1, kind: "s2" };

describe("validationError", () => {
  it("answers 400 for wrong types, missing and unknown fields, and unmatched unions", () => {
    expect(judge({ ...valid, level: "one" }).status).toBe(400);
    expect(judge({ name: "Ops", kind: "s2" }).status).toBe(400);
    expect(judge({ ...valid, colour: "red" }).status).toBe(400);
    expect(judge({ name: "Ops", level: 1 }).status).toBe(400);
    expect(judge({ ...valid, source: true }).status).toBe(400);
    expect(judge("not an object").status).toBe(400);
  });

  it("answers 422 for well-typed values that break a rule", () => {
    expect(judge({ ...valid, name: "" }).status).toBe(422);
    expect(judge({ ...valid, name: "far too long a name" }).status).toBe(422);
    expect(judge({ ...valid, level: -1 }).status).toBe(422);
    expect(judge({ ...valid, level: 1.5 }).status).toBe(422);
    expect(judge({ ...valid, kind: "s9" }).status).toBe(422);
    expect(judge({ ...valid, tags: ["ok", "Not OK"] }).status).toBe(422);
  });

  it("is 400 when a malformed issue comes with invalid ones, and lists them all with their paths", () => {
    const error = judge({ name: "", level: "x", kind: "s2", tags: ["ok", "BAD"] });
    expect(error.status).toBe(400);
    expect(error.code).toBe("bad_request");
    expect(error.details).toEqual([
      { path: "name", message: "Too small: expected string to have >=1 characters" },
      { path: "level", message: "Invalid input: expected number, received string" },
      { path: "tags[1]", message: "Invalid string: must match pattern /^[a-z]+$/" },
    ]);
  });

  it("says where each issue was when the wrapper parsed several parts", () => {
    const query = z.object({ limit: z.coerce.number().max(100) }).safeParse({ limit: "500" });
    const params = z.object({ path: z.string().min(3) }).safeParse({ path: "a" });
    if (query.success || params.success) throw new Error("expected both to fail");
    const error = validationError([
      { in: "params", issues: params.error.issues },
      { in: "query", issues: query.error.issues },
    ]);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("The request has invalid values: see details");
    expect(error.details).toEqual([
      { in: "params", path: "path", message: expect.any(String) },
      { in: "query", path: "limit", message: "Too big: expected number to be <=100" },
    ]);
  });
});
