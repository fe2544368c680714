import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromChunks, MAX_CHUNKS, seal, toChunks, unseal } from "./sealed-cookie";

const secret = "a-secret-of-at-least-thirty-two-characters";

describe("sealed cookies", () => {
  const state = { values: { "walkers.0.firstName": "María José", contactEmail: "m@example.org" }, fieldErrors: { language: "required" } };

  it("gives back what was sealed, and hides it", () => {
    const sealed = seal(state, secret, "form");
    expect(unseal(sealed, secret, "form")).toEqual(state);
    // Whole values, not fragments: a random ciphertext holds a short fragment like "Mar" now and then.
    expect(sealed).not.toContain("María");
    const bytes = Buffer.from(sealed, "base64url");
    expect(bytes.includes(Buffer.from("María José"))).toBe(false);
    expect(bytes.toString("latin1")).not.toContain("example.org");
    // A fresh nonce each time: the same state never seals to the same text.
    expect(seal(state, secret, "form")).not.toBe(sealed);
  });

  it("refuses a changed, truncated or foreign value", () => {
    const sealed = seal(state, secret, "form");
    const raw = Buffer.from(sealed, "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(unseal(raw.toString("base64url"), secret, "form")).toBeNull();
    expect(unseal(sealed.slice(0, -4), secret, "form")).toBeNull();
    expect(unseal(sealed, "another-secret-of-at-least-thirty-two-chars", "form")).toBeNull();
    expect(unseal(sealed, secret, "another purpose")).toBeNull();
    expect(unseal("", secret, "form")).toBeNull();
    expect(unseal("not base64 at all!", secret, "form")).toBeNull();
  });

  it("splits a long value over cookies and joins it again", () => {
    const long = { notes: randomBytes(6000).toString("hex") }; // does not compress
    const sealed = seal(long, secret, "form");
    const chunks = toChunks(sealed)!;
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3800);
    const jar = new Map(chunks.map((c, i) => [`c.${i}`, c]));
    expect(unseal(fromChunks("c", (name) => jar.get(name)), secret, "form")).toEqual(long);
    expect(fromChunks("missing", (name) => jar.get(name))).toBeUndefined();
  });

  it("says when a value does not fit in the cookies a browser keeps", () => {
    expect(toChunks("x".repeat(3800 * MAX_CHUNKS))).toHaveLength(MAX_CHUNKS);
    expect(toChunks("x".repeat(3800 * MAX_CHUNKS + 1))).toBeNull();
  });
});
