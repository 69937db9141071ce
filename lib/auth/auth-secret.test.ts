import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("authSecret", () => {
  it("is AUTH_SECRET when set", () => {
    expect(authSecret({ AUTH_SECRET: "x".repeat(40), VSM_DATA_DIR: "/nonexistent" })).toBe("x".repeat(40));
  });

  it("is otherwise made once, kept readable by its owner only, and the same on every later call", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vsm-secret-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "data");
    const first = authSecret({ VSM_DATA_DIR: dataDir });
    expect(first).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(authSecret({ VSM_DATA_DIR: dataDir })).toBe(first);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(first);
  });

  it("says to set AUTH_SECRET when it cannot keep one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vsm-secret-"));
    dirs.push(dir);
    // A file where the folder should be: nothing can be written under it.
    const blocked = path.join(dir, "file");
    writeFileSync(blocked, "");
    expect(() => authSecret({ VSM_DATA_DIR: path.join(blocked, "data") })).toThrow(/set AUTH_SECRET/);
  });
});
