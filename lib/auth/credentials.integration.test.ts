import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { verifyOrganiserPassword } from "./credentials";

async function account(role: "ORGANISER" | "PARTNER" = "ORGANISER") {
  const email = `organiser-${randomUUID()}@funwalk.test`;
  await db.user.create({ data: { email, role, passwordHash: await bcrypt.hash("correct horse battery", 4) } });
  return email;
}

describe("verifyOrganiserPassword", () => {
  it("accepts the right password (any case of email) and refuses a wrong one", async () => {
    const email = await account();
    expect(await verifyOrganiserPassword(email.toUpperCase(), "correct horse battery")).toMatchObject({ ok: true, user: { email, role: "ORGANISER" } });
    expect(await verifyOrganiserPassword(email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyOrganiserPassword("nobody@funwalk.test", "x")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    const email = await account();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyOrganiserPassword(email, "wrong", now)));
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.failedLoginCount).toBe(5);
    expect(user.lockedUntil?.getTime()).toBe(now.getTime() + 15 * 60_000);

    expect(await verifyOrganiserPassword(email, "correct horse battery", new Date(now.getTime() + 14 * 60_000))).toEqual({ ok: false, reason: "locked" });
    expect(await verifyOrganiserPassword(email, "correct horse battery", new Date(now.getTime() + 16 * 60_000))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).failedLoginCount).toBe(0);
  });

  it("does not let a partner sign in with a password", async () => {
    const email = await account("PARTNER");
    expect(await verifyOrganiserPassword(email, "correct horse battery")).toEqual({ ok: false, reason: "invalid" });
  });
});
