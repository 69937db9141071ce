import { describe, expect, it } from "vitest";
import { AppError, errorBody } from "@/lib/errors";

describe("AppError", () => {
  it("maps codes to statuses", () => {
    expect(new AppError("validation_failed", "x").status).toBe(422);
    expect(new AppError("not_found", "x").status).toBe(404);
    expect(new AppError("conflict", "x").status).toBe(409);
    expect(new AppError("not_ready", "x").status).toBe(503);
    expect(new AppError("internal", "x").status).toBe(500);
  });

  it("serialises to the one error shape, with details only when given", () => {
    expect(errorBody(new AppError("not_found", "No such system"))).toEqual({
      error: { code: "not_found", message: "No such system" },
    });
    expect(errorBody(new AppError("validation_failed", "Bad", [{ path: "name" }]))).toEqual({
      error: { code: "validation_failed", message: "Bad", details: [{ path: "name" }] },
    });
  });
});
