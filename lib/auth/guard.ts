import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, type Actor } from "./roles";
import { requireRole } from "./index";

/**
 * For organiser pages: the organiser, or a redirect to /login (no session) or a 403 page (a
 * partner). lib/ checks the role again against the database.
 */
export async function organiserForPage(): Promise<Actor> {
  try {
    return await requireRole(...ORGANISER_ROLES);
  } catch (error) {
    if (error instanceof NotSignedIn) {
      const path = (await headers()).get("x-pathname") ?? "/dashboard";
      redirect(`/login?next=${encodeURIComponent(path)}`);
    }
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}
