import { env } from "../env";
import type { HeaderReader } from "../http/request-guard";
import { clientAddress, hitRateLimit } from "./index";

/** Limits per client address on the public forms, per 10-minute window (sign-ups: RATE_LIMIT_SIGNUPS, default 30). */
export const PUBLIC_FORM_LIMITS = { register: 30, "lost-link": 10, manage: 60 } as const;

function limitFor(form: keyof typeof PUBLIC_FORM_LIMITS): number {
  return form === "register" ? env().RATE_LIMIT_SIGNUPS : PUBLIC_FORM_LIMITS[form];
}
const WINDOW_SECONDS = 600;

export type LimitVerdict = { allowed: true } | { allowed: false; retryMinutes: number };

const keyFor = (form: keyof typeof PUBLIC_FORM_LIMITS, headers: HeaderReader) => `${form}:${clientAddress(headers, env().TRUST_PROXY)}`;

export function verdict(form: keyof typeof PUBLIC_FORM_LIMITS, count: number, resetAt: Date): LimitVerdict {
  if (count <= limitFor(form)) return { allowed: true };
  return { allowed: false, retryMinutes: Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 60_000)) };
}

/** Counts one use of a public form; `retryMinutes` is set when the client must wait. */
export async function checkPublicFormLimit(form: keyof typeof PUBLIC_FORM_LIMITS, headers: HeaderReader): Promise<LimitVerdict> {
  const result = await hitRateLimit(keyFor(form, headers), limitFor(form), WINDOW_SECONDS);
  return verdict(form, result.count, result.resetAt);
}

/** A sign-up's hit on its limit, for the statement that counts it along with the registration (SIGN_UP). */
export function signUpLimitHit(headers: HeaderReader): { key: string; limit: number; windowSeconds: number } {
  return { key: keyFor("register", headers), limit: limitFor("register"), windowSeconds: WINDOW_SECONDS };
}
