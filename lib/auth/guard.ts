import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { mustChangePassword as readMustChangePassword } from "../organisers/mutations";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, type Actor } from "./roles";
import { getSession, requireRole } from "./index";

export const CHANGE_PASSWORD_PATH = "/dashboard/password";

// Asked by the layout and by the page of one request: read once per request.
const mustChangePassword = cache((userId: string, role: Actor["role"]) => readMustChangePassword({ userId, role }));

/**
 * For organiser pages: the organiser, or a redirect to /login (no session) or a 403 page (a
 * partner). An organiser still on a one-time password is sent to choose their own first, except
 * on the password page itself (`passwordPage`). lib/ checks the role again against the database.
 *
 * Pages call this, never layouts: a redirect thrown while a layout renders, after a client-side
 * navigation or a server action, leaves the browser's router asking for the page again without
 * end (an RSC request loop). A page's redirect is followed once.
 */
export async function organiserForPage(options: { passwordPage?: boolean } = {}): Promise<Actor> {
  let actor: Actor;
  try {
    actor = await requireRole(...ORGANISER_ROLES);
  } catch (error) {
    if (error instanceof NotSignedIn) redirect("/login");
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  if (!options.passwordPage && (await mustChangePassword(actor.userId, actor.role))) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/**
 * For the dashboard's layout: the organiser and whether the navigation may be shown (not while a
 * one-time password must be replaced), or null. Never redirects: the page below does.
 */
export async function organiserForLayout(): Promise<{ actor: Actor; mustChangePassword: boolean } | null> {
  const actor = await getSession();
  if (!actor || !ORGANISER_ROLES.includes(actor.role)) return null;
  return { actor, mustChangePassword: await mustChangePassword(actor.userId, actor.role) };
}
