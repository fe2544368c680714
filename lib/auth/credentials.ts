import "server-only";
import bcrypt from "bcryptjs";
import { db } from "../db";
import type { Role } from "../generated/prisma/client";

export const MAX_FAILED_LOGINS = 5;

/** Each failed attempt in a row answers more slowly (0.4 s more per failure, at most 2 s), then the account locks. */
export function failedLoginDelayMs(failuresInARow: number): number {
  return Math.min(Math.max(failuresInARow, 0), MAX_FAILED_LOGINS) * 400;
}
export const LOCK_MINUTES = 15;

export type PasswordCheck =
  | { ok: true; user: { id: string; email: string; name: string | null; role: Role } }
  | { ok: false; reason: "invalid" | "locked" };

// Compared against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = "$2b$12$pQYEfiXrdIdrELi.xgjbwO8HAbC4kctnyargPxttsHTBAn476M7g.";

/**
 * Checks an organiser's or admin's email and password. Failures are counted in the database
 * (one atomic UPDATE, so parallel attempts all count); the fifth in a row locks the account
 * for 15 minutes, during which even the right password is refused.
 */
export async function verifyOrganiserPassword(emailInput: string, password: string, now = new Date()): Promise<PasswordCheck> {
  const email = emailInput.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, lockedUntil: true },
  });
  if (!user || !user.passwordHash || user.role === "PARTNER") {
    await bcrypt.compare(password, DUMMY_HASH);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked" };

  if (await bcrypt.compare(password, user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // A lock that has run out starts a fresh count.
  const rows = await db.$queryRaw<{ failedLoginCount: number }[]>`
    UPDATE "User"
       SET "failedLoginCount" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN 1 ELSE "failedLoginCount" + 1 END,
           "lockedUntil" = CASE
             WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN NULL
             WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}
             ELSE "lockedUntil" END,
           "updatedAt" = ${now}
     WHERE id = ${user.id}
     RETURNING "failedLoginCount"`;
  const count = rows[0]?.failedLoginCount ?? 0;
  await new Promise((resolve) => setTimeout(resolve, failedLoginDelayMs(count)));
  return { ok: false, reason: count >= MAX_FAILED_LOGINS ? "locked" : "invalid" };
}
