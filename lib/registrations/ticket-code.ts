import { randomFillSync } from "node:crypto";

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is unambiguous.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;

// Random bytes are drawn 4 KB at a time and each byte is used once: a call into the CSPRNG costs
// the same for 10 bytes as for 4,096, and under load it was one of a sign-up's largest costs
// (docs/PERFORMANCE.md). Node's randomUUID() buffers the same way.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** 10 random base32 characters (50 bits): unguessable, and nothing personal in it. */
export function newTicketCode(): string {
  if (offset + CODE_LENGTH > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  let code = "";
  for (let i = offset; i < offset + CODE_LENGTH; i++) code += ALPHABET[pool[i]! & 31];
  offset += CODE_LENGTH;
  return code;
}

export function isTicketCode(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(value);
}
