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

export function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}
