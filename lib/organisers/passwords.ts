// Password rules and one-time passwords for organiser accounts. No database, no server-only:
// shared with scripts/organiser-create.ts.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "tooShort")
  .max(200, "tooLong");

/** The organiser's password form: the current password, and the new one twice. */
export const changePasswordSchema = z
  .object({ current: z.string().min(1, "currentRequired"), next: newPasswordSchema, confirm: z.string() })
  .superRefine((form, ctx) => {
    if (form.next === form.current) ctx.addIssue({ code: "custom", path: ["next"], message: "same" });
    if (form.next !== form.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "mismatch" });
  });

export function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}
