import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults when nothing is set: the embedded database seeded with the SaaS example", () => {
    expect(parseEnv({})).toEqual({
      VSM_DATA_DIR: ".data",
      VSM_SEED_EXAMPLE: "saas",
      LOG_LEVEL: "info",
      NODE_ENV: "development",
      PORT: 3000,
      VSM_RATE_LIMIT_PER_SECOND: 100,
      VSM_RATE_LIMIT_BURST: 1_000,
      VSM_RETENTION_RAW_DAYS: 35,
      VSM_SIMULATE: "auto",
      VSM_SESSION_HOURS: 12,
      AUTH_OIDC_NAME: "single sign-on",
      VSM_METRICS_PUBLIC: false,
    });
  });

  it("takes the metrics settings: a token of 16+ characters without spaces, and public as true or false", () => {
    const token = "4f9c0a1b2c3d4e5f6a7b";
    expect(parseEnv({ VSM_METRICS_TOKEN: token, VSM_METRICS_PUBLIC: "true" })).toMatchObject({
      VSM_METRICS_TOKEN: token,
      VSM_METRICS_PUBLIC: true,
    });
    expect(parseEnv({ VSM_METRICS_PUBLIC: "false" }).VSM_METRICS_PUBLIC).toBe(false);
    expect(() => parseEnv({ VSM_METRICS_TOKEN: "short" })).toThrow(/VSM_METRICS_TOKEN: must be at least 16 characters/);
    expect(() => parseEnv({ VSM_METRICS_TOKEN: "sixteen chars with spaces" })).toThrow(/VSM_METRICS_TOKEN/);
    expect(() => parseEnv({ VSM_METRICS_PUBLIC: "yes" })).toThrow(/VSM_METRICS_PUBLIC: must be "true" or "false"/);
  });

  it("validates the sign-in settings: a long enough AUTH_SECRET, session hours, and OIDC all or nothing", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseEnv({ VSM_SESSION_HOURS: "0.5" }).VSM_SESSION_HOURS).toBe(0.5);
    expect(() => parseEnv({ VSM_SESSION_HOURS: "1000" })).toThrow(/VSM_SESSION_HOURS: must be from 0.25 to 720 hours/);
    expect(() => parseEnv({ AUTH_URL: "vsm.example.com" })).toThrow(/AUTH_URL/);
    const oidc = {
      AUTH_OIDC_ISSUER: "https://accounts.example.com",
      AUTH_OIDC_ID: "console",
      AUTH_OIDC_SECRET: "s3cret",
      AUTH_URL: "https://vsm.example.com",
    };
    expect(parseEnv(oidc)).toMatchObject(oidc);
    expect(() => parseEnv({ ...oidc, AUTH_URL: undefined })).toThrow(/AUTH_URL: is required with AUTH_OIDC_ISSUER/);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: oidc.AUTH_OIDC_ISSUER })).toThrow(
      /AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together/,
    );
    expect(() => parseEnv({ ...oidc, AUTH_OIDC_ISSUER: "not a url" })).toThrow(/AUTH_OIDC_ISSUER: must be the provider's issuer URL/);
  });

  it("takes VSM_SIMULATE as auto, on or off and nothing else", () => {
    expect(parseEnv({ VSM_SIMULATE: "off" })).toMatchObject({ VSM_SIMULATE: "off" });
    expect(() => parseEnv({ VSM_SIMULATE: "yes" })).toThrow(/VSM_SIMULATE/);
  });

  it("validates REDIS_URL and the rate limits", () => {
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379", VSM_RATE_LIMIT_PER_SECOND: "5" })).toMatchObject({
      REDIS_URL: "redis://127.0.0.1:6379",
      VSM_RATE_LIMIT_PER_SECOND: 5,
    });
    expect(() => parseEnv({ REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a Redis URL/);
    expect(() => parseEnv({ VSM_RATE_LIMIT_PER_SECOND: "0" })).toThrow(/VSM_RATE_LIMIT_PER_SECOND/);
    expect(() => parseEnv({ VSM_RATE_LIMIT_BURST: "lots" })).toThrow(/VSM_RATE_LIMIT_BURST: must be a number/);
  });

  it("validates VSM_RETENTION_RAW_DAYS as whole days", () => {
    expect(parseEnv({ VSM_RETENTION_RAW_DAYS: "400" }).VSM_RETENTION_RAW_DAYS).toBe(400);
    for (const bad of ["0", "-3", "1.5", "a month", "40000"]) {
      expect(() => parseEnv({ VSM_RETENTION_RAW_DAYS: bad }), bad).toThrow(/VSM_RETENTION_RAW_DAYS: must be/);
    }
  });

  it("validates PORT like every other variable", () => {
    expect(parseEnv({ PORT: "8080" }).PORT).toBe(8080);
    for (const bad of ["99999", "0", "-1", "80.5", "http"]) {
      expect(() => parseEnv({ PORT: bad }), bad).toThrow(/PORT: must be a (whole )?port number/);
    }
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/vsm" }).DATABASE_URL).toBe(
      "postgresql://postgres@127.0.0.1:5432/vsm",
    );
  });

  it("names every bad variable in one error", () => {
    let caught: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://root@localhost/x", LOG_LEVEL: "loud", VSM_SEED_EXAMPLE: "banking" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a PostgreSQL URL/);
    expect(problems.some((p) => p.startsWith("LOG_LEVEL: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("VSM_SEED_EXAMPLE: "))).toBe(true);
    expect((caught as EnvError).message).toContain("Invalid environment:\n  - DATABASE_URL");
  });
});
