// Re-renders the public pages rendered once for everyone (lib/public-pages.ts) at once, after an
// organiser or partner changed what they show: an exhibitor approved, a booth held or freed, a
// profile or the walk's settings saved. Without it they would be up to 10 s late, as places left
// are on purpose. The pages are Pages Router pages, so only a Pages Router API route can re-render
// them (`res.revalidate`): the action asks this server's own route and waits for it (at most
// REVALIDATE_WAIT_MS), so the person who made the change sees it on the next page they open.
// Another instance's copies follow within 10 s (decision 008).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env";

export const REVALIDATE_PATH = "/api/public-pages/revalidate";
export const REVALIDATE_HEADER = "x-funwalk-revalidate";
/** How long an action waits for the re-render before it answers anyway (the pages then follow within 10 s). */
const REVALIDATE_WAIT_MS = 5_000;

/** The key the route asks for: derived from AUTH_SECRET, so only this deployment's servers have it. */
export function revalidationKey(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is missing: the public pages cannot be re-rendered on demand.");
  return createHmac("sha256", secret).update("public-pages:revalidate").digest("base64url");
}

export function isRevalidationKey(given: string | string[] | undefined | null): boolean {
  if (typeof given !== "string") return false;
  const expected = Buffer.from(revalidationKey());
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Re-renders the public pages on this server before the action answers, so the change is on them
 * when its author opens one. Never throws: a failure only means the pages follow within 10 s.
 */
export async function publicPagesChanged(): Promise<void> {
  const url = `http://127.0.0.1:${env().PORT}${REVALIDATE_PATH}`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { [REVALIDATE_HEADER]: revalidationKey() },
      cache: "no-store",
      signal: AbortSignal.timeout(REVALIDATE_WAIT_MS),
    });
    if (!response.ok) console.warn(`the public pages were not re-rendered (${response.status}); they follow within 10 s`);
  } catch (error) {
    console.warn(`the public pages were not re-rendered (${(error as Error).name}); they follow within 10 s`);
  }
}
