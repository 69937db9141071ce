import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { verifySignIn } from "@/lib/auth/verify-sign-in";
import { recentAudit } from "@/lib/store/audit-events";
import { createUser, setDisabled } from "@/lib/store/users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const PASSWORD = "a long enough passphrase";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await createUser(db.sql, { email: "ann@acme.example", passwordHash, grants: [{ role: "admin", scope: "" }] }, "test");
  await createUser(db.sql, { email: "gone@acme.example", passwordHash, grants: [] }, "test");
  await setDisabled(db.sql, "gone@acme.example", true, "test");
  await createUser(db.sql, { email: "sso@acme.example", passwordHash: null, grants: [] }, "test");
});
afterAll(() => db.drop());

describe("signing in with a password", () => {
  it("lets the right password in, whatever the email's case, and audits who came in from where", async () => {
    const outcome = await verifySignIn(
      { sql: db.sql, throttle: createSignInThrottle() },
      { email: " ANN@acme.example", password: PASSWORD },
      "10.0.0.1",
    );
    expect(outcome).toMatchObject({ ok: true, account: { email: "ann@acme.example", sessionVersion: 1 } });
    const [entry] = await recentAudit(db.sql, 1);
    expect(entry).toMatchObject({
      action: "user.sign-in",
      target: "ann@acme.example",
      detail: { method: "password", address: "10.0.0.1" },
    });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it("answers a wrong password, an unknown email, a password-less account and junk input alike", async () => {
    const throttle = createSignInThrottle();
    for (const input of [
      { email: "ann@acme.example", password: "not the password" },
      { email: "nobody@acme.example", password: PASSWORD },
      { email: "sso@acme.example", password: "" },
      { email: 42, password: ["x"] },
      {},
    ]) {
      expect(await verifySignIn({ sql: db.sql, throttle }, input, "10.0.0.2")).toEqual({ ok: false, code: "invalid" });
    }
  });

  it("names a disabled account only to someone who knows its password", async () => {
    const deps = { sql: db.sql, throttle: createSignInThrottle() };
    expect(await verifySignIn(deps, { email: "gone@acme.example", password: "guess guess guess" }, "a")).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await verifySignIn(deps, { email: "gone@acme.example", password: PASSWORD }, "a")).toEqual({ ok: false, code: "disabled" });
  });

  it("stops checking an account's password after 5 failures, and an address's after 30, until the window passes", async () => {
    const deps = { sql: db.sql, throttle: createSignInThrottle() };
    for (let i = 0; i < 5; i++) await verifySignIn(deps, { email: "ann@acme.example", password: `wrong ${i}` }, `10.1.0.${i}`);
    const blocked = await verifySignIn(deps, { email: "ann@acme.example", password: PASSWORD }, "10.9.9.9");
    expect(blocked).toMatchObject({ ok: false, code: "throttled" });
    expect(blocked.ok === false && blocked.code === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(800);

    const addressDeps = { sql: db.sql, throttle: createSignInThrottle() };
    for (let i = 0; i < 30; i++) await verifySignIn(addressDeps, { email: `guess${i}@acme.example`, password: "wrong guess" }, "10.2.0.1");
    expect(await verifySignIn(addressDeps, { email: "ann@acme.example", password: PASSWORD }, "10.2.0.1")).toMatchObject({
      code: "throttled",
    });
    expect(await verifySignIn(addressDeps, { email: "ann@acme.example", password: PASSWORD }, "10.2.0.2")).toMatchObject({ ok: true });
  });

  it("clears an account's failures when it signs in", async () => {
    const deps = { sql: db.sql, throttle: createSignInThrottle() };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await verifySignIn(deps, { email: "ann@acme.example", password: "wrong guess" }, "10.3.0.1");
      expect(await verifySignIn(deps, { email: "ann@acme.example", password: PASSWORD }, "10.3.0.1")).toMatchObject({ ok: true });
    }
  });
});
