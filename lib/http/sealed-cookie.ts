// A value kept in the visitor's own browser between two requests, sealed so that nobody can read
// or change it on the way: compressed, encrypted and authenticated with AES-256-GCM under a key
// derived from AUTH_SECRET. Used by the sign-up form: a form that comes back with errors is
// redirected to the page with what was typed in such a cookie (never in the URL, never in the
// database, never in a log).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";

/** Characters per cookie: browsers keep at least 4096 bytes per cookie, name and attributes included. */
const CHUNK = 3800;
export const MAX_CHUNKS = 8;

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "funwalk-sealed-cookie", purpose, 32));
}

export function seal(value: unknown, secret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(value))), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The sealed value, or null when it is missing, altered, or sealed with another key or purpose. */
export function unseal<T>(sealed: string | undefined, secret: string, purpose: string): T | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(inflateRawSync(plain, { maxOutputLength: 1_000_000 }).toString("utf8")) as T;
  } catch {
    return null;
  }
}

/** Splits a sealed value over cookies `${name}.0` … (at most MAX_CHUNKS); null when it does not fit. */
export function toChunks(sealed: string): string[] | null {
  const chunks: string[] = [];
  for (let at = 0; at < sealed.length; at += CHUNK) chunks.push(sealed.slice(at, at + CHUNK));
  return chunks.length <= MAX_CHUNKS ? chunks : null;
}

/** Joins the chunks read back with `get(name)`; undefined when the first is missing. */
export function fromChunks(name: string, get: (cookie: string) => string | undefined): string | undefined {
  let sealed = "";
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const part = get(`${name}.${i}`);
    if (part === undefined) break;
    sealed += part;
  }
  return sealed || undefined;
}
