// No "server-only" marker: read by the Pages Router sign-up page (see lib/env.ts).
import { env } from "../env";

/** The key manage links are signed with. */
export function manageSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is missing: manage links cannot be signed. npm start sets one; in production set AUTH_SECRET.");
  return secret;
}
