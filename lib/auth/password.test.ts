import { describe, expect, it } from "vitest";
import { decoyHash, generatePassword, hashPassword, passwordMatches, passwordProblem } from "@/lib/auth/password";

describe("passwords", () => {
  it("are stored as argon2id PHC strings at OWASP's minimum cost, salted so equal passwords differ", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await passwordMatches(first, "correct horse battery")).toBe(true);
    expect(await passwordMatches(first, "correct horse batterY")).toBe(false);
  });

  it("fail to match, without throwing, against a broken hash or an oversized attempt", async () => {
    expect(await passwordMatches("not a hash", "whatever you like")).toBe(false);
    expect(await passwordMatches(await decoyHash(), "x".repeat(10_000))).toBe(false);
  });

  it("are refused when short, huge, the email itself or nearly one character", () => {
    expect(passwordProblem("short", "a@b.c")).toBe("must be at least 12 characters");
    expect(passwordProblem("x".repeat(257), "a@b.c")).toBe("must be at most 256 characters");
    expect(passwordProblem("Ann@Acme.example", "ann@acme.example")).toBe("must not be the email address");
    expect(passwordProblem("abababababab", "a@b.c")).toBe("must use more than three different characters");
    expect(passwordProblem("a long enough passphrase", "a@b.c")).toBeNull();
  });

  it("generated for the command line are long and unguessable", () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(passwordProblem(p, "a@b.c")).toBeNull();
  });
});
