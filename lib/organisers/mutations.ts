import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { hashPassword, newPasswordSchema, oneTimePassword } from "./passwords";

export class WrongPassword extends Error {
  override name = "WrongPassword";
}
export class EmailTaken extends Error {
  override name = "EmailTaken";
}

/** An organiser replaces their password (the one-time password from the seed, or any other). */
export async function changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
  const parsed = newPasswordSchema.parse(next);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: actor.userId },
      select: { id: true, role: true, passwordHash: true },
    });
    if (!user || user.role === "PARTNER" || !user.passwordHash) throw new Forbidden();
    if (!(await bcrypt.compare(current, user.passwordHash))) throw new WrongPassword("current password does not match");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(parsed), mustChangePassword: false },
    });
    await writeAudit(tx, { actorId: actor.userId, action: "organiser.password-change", entityType: "User", entityId: user.id });
  });
}

/** Whether the signed-in organiser must still replace a one-time password. */
export async function mustChangePassword(actor: Actor): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { mustChangePassword: true } });
  return user?.mustChangePassword ?? false;
}

export const newOrganiserSchema = z.object({
  email: z.email("emailInvalid").max(254, "emailInvalid").transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
  role: z.enum(["ORGANISER", "ADMIN"]),
});

/** An admin adds an organiser; the one-time password is returned once, to be passed on in person. */
export async function createOrganiserAccount(actor: Actor, input: z.input<typeof newOrganiserSchema>) {
  const data = newOrganiserSchema.parse(input);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const admin = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true } });
    if (admin?.role !== "ADMIN") throw new Forbidden();
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw new EmailTaken("email already has an account");
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash, mustChangePassword: true },
      select: { id: true, email: true, role: true },
    });
    await writeAudit(tx, { actorId: actor.userId, action: "organiser.create", entityType: "User", entityId: user.id, after: { role: user.role } });
    return { ...user, oneTimePassword: password };
  });
}

/** Organiser and admin accounts, for admins. */
export async function listOrganisers(actor: Actor) {
  const admin = await db.user.findUnique({ where: { id: actor.userId }, select: { role: true } });
  if (admin?.role !== "ADMIN") throw new Forbidden();
  return db.user.findMany({
    where: { role: { in: ["ORGANISER", "ADMIN"] } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, mustChangePassword: true, lockedUntil: true, createdAt: true },
  });
}
