import "server-only";
import { env } from "../env";
import { clientAddress, hitRateLimit } from "./index";

/** Limits per client address on the public forms, per 10-minute window (sign-ups: RATE_LIMIT_SIGNUPS, default 30). */
export const PUBLIC_FORM_LIMITS = { register: 30, "lost-link": 10, manage: 60 } as const;

function limitFor(form: keyof typeof PUBLIC_FORM_LIMITS): number {
  return form === "register" ? env().RATE_LIMIT_SIGNUPS : PUBLIC_FORM_LIMITS[form];
}
const WINDOW_SECONDS = 600;

/** Counts one use of a public form; `retryMinutes` is set when the client must wait. */
export async function checkPublicFormLimit(
  form: keyof typeof PUBLIC_FORM_LIMITS,
  headers: Headers,
): Promise<{ allowed: true } | { allowed: false; retryMinutes: number }> {
  const address = clientAddress(headers, env().TRUST_PROXY);
  const result = await hitRateLimit(`${form}:${address}`, limitFor(form), WINDOW_SECONDS);
  if (result.allowed) return { allowed: true };
  return { allowed: false, retryMinutes: Math.max(1, Math.ceil((result.resetAt.getTime() - Date.now()) / 60_000)) };
}
