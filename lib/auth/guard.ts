import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { mustChangePassword } from "../organisers/mutations";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, type Actor } from "./roles";
import { requireRole } from "./index";

export const CHANGE_PASSWORD_PATH = "/dashboard/password";

/**
 * For organiser pages: the organiser, or a redirect to /login (no session) or a 403 page (a
 * partner). An organiser still on a one-time password is sent to choose their own first.
 * lib/ checks the role again against the database.
 */
export async function organiserForPage(): Promise<Actor> {
  let actor: Actor;
  try {
    actor = await requireRole(...ORGANISER_ROLES);
  } catch (error) {
    if (error instanceof NotSignedIn) redirect("/login");
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  const path = (await headers()).get("x-pathname") ?? "";
  if (!path.startsWith(CHANGE_PASSWORD_PATH) && (await mustChangePassword(actor))) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}
