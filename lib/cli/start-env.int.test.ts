import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** `npm start` checks its environment before anything else: a bad PORT stops it with one clear line. */
describe("npm start with a bad environment", () => {
  it("refuses PORT=99999 with a message naming the variable, and exits 1", () => {
    const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "lib/cli/start.ts"], {
      env: { ...process.env, PORT: "99999" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT: must be a port number from 1 to 65535");
    expect(result.stdout).not.toContain("Building");
  });
});
