import { describe, expect, it } from "vitest";
import { AppError, errorBody, errorResponse } from "@/lib/errors";

describe("AppError", () => {
  it("maps codes to statuses", () => {
    expect(new AppError("bad_request", "x").status).toBe(400);
    expect(new AppError("unauthorized", "x").status).toBe(401);
    expect(new AppError("forbidden", "x").status).toBe(403);
    expect(new AppError("not_found", "x").status).toBe(404);
    expect(new AppError("method_not_allowed", "x").status).toBe(405);
    expect(new AppError("conflict", "x").status).toBe(409);
    expect(new AppError("payload_too_large", "x").status).toBe(413);
    expect(new AppError("unsupported_media_type", "x").status).toBe(415);
    expect(new AppError("validation_failed", "x").status).toBe(422);
    expect(new AppError("internal", "x").status).toBe(500);
    expect(new AppError("not_implemented", "x").status).toBe(501);
    expect(new AppError("unavailable", "x").status).toBe(503);
  });

  it("serialises to the one error shape, with details only when given", () => {
    expect(errorBody(new AppError("not_found", "No such system"))).toEqual({
      error: { code: "not_found", message: "No such system" },
    });
    expect(errorBody(new AppError("validation_failed", "Bad", [{ path: "name" }]))).toEqual({
      error: { code: "validation_failed", message: "Bad", details: [{ path: "name" }] },
    });
  });

  it("answers as JSON with its status and the given headers", async () => {
    const response = errorResponse(new AppError("method_not_allowed", "No"), { Allow: "GET" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: "No" } });
  });
});
