import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The parsed configuration. Parsed on first use so that `next build` needs no database settings. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
