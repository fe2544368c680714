// No "server-only" marker: read by the Pages Router sign-up page (see lib/env.ts).
import { fromChunks, MAX_CHUNKS, seal, toChunks, unseal } from "../http/sealed-cookie";
import { manageSecret } from "./secret";
import type { RegisterState } from "./submit";

// The sign-up form's last unsuccessful attempt (what was typed, and the errors), kept for 30
// minutes in the visitor's browser, sealed, and sent only to /register pages.
export const FORM_COOKIE = "funwalk-register";
const PURPOSE = "register-form";
const PATH = "/register";
const MAX_AGE = 30 * 60;

const attributes = (secure: boolean, maxAge: number) =>
  `Path=${PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

/** Set-Cookie values that keep `state` and remove chunks a longer earlier attempt left behind. */
export function formStateCookies(state: RegisterState, secure: boolean, present: (name: string) => boolean): string[] {
  let chunks = toChunks(seal(state, manageSecret(), PURPOSE));
  // Only a hostile form is this large (every field is far shorter): keep the errors, not the values.
  chunks ??= toChunks(seal({ ...state, values: undefined }, manageSecret(), PURPOSE)) ?? [];
  const cookies = chunks.map((chunk, i) => `${FORM_COOKIE}.${i}=${chunk}; ${attributes(secure, MAX_AGE)}`);
  return [...cookies, ...clearFormStateCookies(secure, present, chunks.length)];
}

/** Set-Cookie values that remove the kept attempt (after a sign-up succeeds). */
export function clearFormStateCookies(secure: boolean, present: (name: string) => boolean, from = 0): string[] {
  const cleared: string[] = [];
  for (let i = from; i < MAX_CHUNKS; i++) {
    if (present(`${FORM_COOKIE}.${i}`)) cleared.push(`${FORM_COOKIE}.${i}=; ${attributes(secure, 0)}`);
  }
  return cleared;
}

/** The kept attempt, or null when there is none or it was altered. */
export function readFormState(get: (name: string) => string | undefined): RegisterState | null {
  return unseal<RegisterState>(fromChunks(FORM_COOKIE, get), manageSecret(), PURPOSE);
}
