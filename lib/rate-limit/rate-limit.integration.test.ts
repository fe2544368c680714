import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientAddress, hitRateLimit } from "./index";

describe("hitRateLimit", () => {
  it("counts every simultaneous hit exactly and refuses those over the limit", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(key, 20, 60)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
  });

  it("starts a new window once the old one has passed", async () => {
    const key = `test:${randomUUID()}`;
    await hitRateLimit(key, 1, 1);
    expect((await hitRateLimit(key, 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await hitRateLimit(key, 1, 1)).toMatchObject({ allowed: true, count: 1 });
  });
});

describe("clientAddress", () => {
  it("takes the address the trusted proxy appended, else the first", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.2" });
    expect(clientAddress(headers, true)).toBe("198.51.100.2");
    expect(clientAddress(headers, false)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
  });
});
