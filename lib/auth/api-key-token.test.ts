import { describe, expect, it } from "vitest";
import { hashSecret, newKeyToken, parseKeyToken, secretMatches } from "@/lib/auth/api-key-token";

describe("API key tokens", () => {
  it("are vsm_<16 hex>_<43 base64url>, 256 random bits, different every time", () => {
    const a = newKeyToken();
    const b = newKeyToken();
    expect(a.token).toMatch(/^vsm_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.secret, "base64url").byteLength).toBe(32);
    expect(a.token).not.toBe(b.token);
    expect(parseKeyToken(a.token)).toEqual({ id: a.id, secret: a.secret });
  });

  it("refuse anything else: other prefixes, lengths, characters, padding, whitespace", () => {
    const { token } = newKeyToken();
    for (const text of [
      "",
      "vsm_",
      token.slice(0, -1),
      `${token}A`,
      token.replace("vsm_", "VSM_"),
      ` ${token}`,
      `${token}=`,
      token.replace(/_([^_]*)$/, ".$1"),
    ]) {
      expect(parseKeyToken(text), text).toBeNull();
    }
  });

  it("store an HMAC-SHA-256 keyed by the id: 32 bytes, verified only with the same id and secret", () => {
    const key = newKeyToken();
    const hash = hashSecret(key.id, key.secret);
    expect(hash.byteLength).toBe(32);
    expect(Buffer.from(hash).toString("hex")).not.toContain(Buffer.from(key.secret).toString("hex"));
    expect(secretMatches(key, hash)).toBe(true);
    const other = newKeyToken();
    expect(secretMatches({ id: other.id, secret: key.secret }, hash)).toBe(false);
    expect(secretMatches({ id: key.id, secret: other.secret }, hash)).toBe(false);
    expect(secretMatches(key, hash.slice(0, 31))).toBe(false);
  });
});
