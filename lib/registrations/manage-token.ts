// Manage links: "<groupId>.<version>.<expiresAt>.<signature>", signed with HMAC-SHA256 over the
// first three parts. Bumping RegistrationGroup.manageTokenVersion invalidates every earlier link.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface ManageClaims {
  groupId: string;
  version: number;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(secret: string, body: string): Buffer {
  return createHmac("sha256", secret).update(`manage:${body}`).digest();
}

export function signManageToken(secret: string, claims: ManageClaims): string {
  const body = `${claims.groupId}.${claims.version}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(secret, body).toString("base64url")}`;
}

/** The claims of a genuine, unexpired token; null for anything forged, altered or expired. */
export function verifyManageToken(secret: string, token: string, now = new Date()): ManageClaims | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [groupId, version, expires, signature] = parts as [string, string, string, string];
  if (!UUID.test(groupId) || !/^\d{1,9}$/.test(version) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = sign(secret, `${groupId}.${version}.${expires}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt <= now) return null;
  return { groupId, version: Number(version), expiresAt };
}
