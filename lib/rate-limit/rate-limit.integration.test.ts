import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientAddress, hitRateLimit } from "./index";
import { checkPublicFormLimit } from "./public-forms";

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

describe("checkPublicFormLimit", () => {
  it("counts sign-ups per address and says how long to wait", async () => {
    const headers = new Headers({ "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}, ${randomUUID()}` });
    expect(await checkPublicFormLimit("register", headers)).toEqual({ allowed: true });
    // The default limit: 30 sign-ups per address per 10 minutes.
    const rest = [];
    for (let i = 0; i < 30; i++) rest.push(await checkPublicFormLimit("register", headers));
    expect(rest.filter((r) => r.allowed)).toHaveLength(29);
    expect(rest.at(-1)).toEqual({ allowed: false, retryMinutes: 10 });
    // Another address has a count of its own.
    expect(await checkPublicFormLimit("register", new Headers({ "x-forwarded-for": randomUUID() }))).toEqual({ allowed: true });
  });
});
