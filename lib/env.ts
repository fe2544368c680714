// No "server-only" marker: the sign-up page (pages/register.tsx, a Pages Router page) reads the
// configuration through lib/registrations/form-cookie.ts, and Turbopack refuses the marker there.
// A browser has none of these variables, so nothing secret could reach a client bundle from here.
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The parsed configuration. Parsed on first use so that `next build` needs no database settings. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
