import "server-only";
import { auth } from "./config";
import { Forbidden, NotSignedIn, type Actor, type Role } from "./roles";

export { auth, handlers, signIn, signOut, CHECK_EMAIL_PATH } from "./config";
export { AccountLocked } from "./errors";
export { Forbidden, NotSignedIn, ORGANISER_ROLES, type Actor, type Role } from "./roles";

/** The signed-in user as the session states it, or null. */
export async function getSession(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  const role = session?.user?.role;
  if (!id || !role) return null;
  return { userId: id, role };
}

/**
 * The signed-in user when their role is one of `roles`; otherwise throws NotSignedIn (no session)
 * or Forbidden (wrong role). lib/ functions check the role again against the database.
 */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await getSession();
  if (!actor) throw new NotSignedIn();
  if (!roles.includes(actor.role)) throw new Forbidden();
  return actor;
}
