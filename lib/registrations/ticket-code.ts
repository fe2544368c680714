import { randomBytes } from "node:crypto";

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is unambiguous.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 10 random base32 characters (50 bits): unguessable, and nothing personal in it. */
export function newTicketCode(): string {
  const bytes = randomBytes(10);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

export function isTicketCode(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(value);
}
