import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { createActor } from "../../test/support/walkers";
import { changeOwnPassword, createOrganiserAccount, EmailTaken, listOrganisers, WrongPassword } from "./mutations";

describe("organiser accounts", () => {
  it("an admin creates an organiser with a one-time password that must be changed", async () => {
    const admin = await createActor(db, "ADMIN");
    const email = `new-${Date.now()}@Example.org`;
    const created = await createOrganiserAccount(admin, { email, name: "Nia", role: "ORGANISER" });
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { email: true, passwordHash: true, mustChangePassword: true } });
    expect(row.email).toBe(email.toLowerCase());
    expect(row.mustChangePassword).toBe(true);
    expect(await bcrypt.compare(created.oneTimePassword, row.passwordHash!)).toBe(true);
    await expect(createOrganiserAccount(admin, { email, name: "Again", role: "ORGANISER" })).rejects.toThrow(EmailTaken);
    expect((await listOrganisers(admin)).map((o) => o.email)).toContain(email.toLowerCase());
    expect(await db.auditLog.count({ where: { entityId: created.id, action: "organiser.create" } })).toBe(1);

    const organiser = { userId: created.id, role: "ORGANISER" as const };
    await expect(changeOwnPassword(organiser, "wrong", "a-long-new-password")).rejects.toThrow(WrongPassword);
    await expect(changeOwnPassword(organiser, created.oneTimePassword, "short")).rejects.toThrow();
    await changeOwnPassword(organiser, created.oneTimePassword, "a-long-new-password");
    const after = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true, mustChangePassword: true } });
    expect(after.mustChangePassword).toBe(false);
    expect(await bcrypt.compare("a-long-new-password", after.passwordHash!)).toBe(true);
  });

  it("only admins manage accounts", async () => {
    const organiser = await createActor(db, "ORGANISER");
    const partner = await createActor(db, "PARTNER");
    for (const who of [organiser, partner]) {
      await expect(createOrganiserAccount(who, { email: `x-${Date.now()}@example.org`, name: "X", role: "ADMIN" })).rejects.toThrow(Forbidden);
      await expect(listOrganisers(who)).rejects.toThrow(Forbidden);
    }
  });
});
