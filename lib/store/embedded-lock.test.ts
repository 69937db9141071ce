import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, lockEmbeddedDatabase, tryLockEmbeddedDatabase } from "@/lib/store/embedded-lock";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "vsm-lock-"));

describe("embedded database lock", () => {
  it("takes a free lock and releases it", () => {
    const dir = freshDir();
    const release = lockEmbeddedDatabase(dir);
    expect(readFileSync(path.join(dir, "pglite.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "pglite.pid"))).toBe(false);
  });

  it("refuses while another live process holds it, naming that process", async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      writeFileSync(path.join(dir, "pglite.pid"), String(other.pid));
      expect(() => lockEmbeddedDatabase(dir)).toThrow(EmbeddedDatabaseBusyError);
      expect(() => lockEmbeddedDatabase(dir)).toThrow(`held by process ${other.pid}`);
      expect(tryLockEmbeddedDatabase(dir)).toEqual({ heldBy: other.pid });
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left behind by a process that has exited", () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, "pglite.pid"), "999999999");
    lockEmbeddedDatabase(dir)();
  });

  it("on release, leaves alone a lock another process has taken since", () => {
    const dir = freshDir();
    const lock = tryLockEmbeddedDatabase(dir);
    if (!("release" in lock)) throw new Error("expected the lock");
    writeFileSync(path.join(dir, "pglite.pid"), "12345");
    lock.release();
    expect(readFileSync(path.join(dir, "pglite.pid"), "utf8")).toBe("12345");
  });
});
