// A gate pass's secrets. The link carries a random token, shown once; the database keeps only its
// SHA-256. The browser that opened the link keeps a cookie naming the pass, signed with HMAC-SHA256
// under AUTH_SECRET; the pass itself (revoked? within its window?) is read from the database on every
// request. Pure: no database, so unit tests and route handlers share it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The cookie a gate pass's browser holds: "<passId>.<signature>". */
export const GATE_COOKIE = "funwalk_gate";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 32 random bytes, base64url (43 characters): the part of the link that signs a phone in. */
export function newPassToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isPassToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** What the database keeps of a token: its SHA-256, hex. */
export function hashPassToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function signature(secret: string, passId: string): Buffer {
  return createHmac("sha256", secret).update(`gate-pass:${passId}`).digest();
}

export function signPassCookie(secret: string, passId: string): string {
  return `${passId}.${signature(secret, passId).toString("base64url")}`;
}

/** The pass id of a genuine cookie value; null for anything missing, altered or forged. */
export function verifyPassCookie(secret: string, value: string | undefined | null): string | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const [passId, signed, ...rest] = value.split(".");
  if (!passId || !signed || rest.length > 0 || !UUID.test(passId)) return null;
  const expected = signature(secret, passId);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return passId;
}

/** One cookie's value from a Cookie header (the first one: browsers send the most specific path first). */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
