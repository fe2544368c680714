// Roles and the typed authorisation errors. Pure: shared by the proxy, lib/ and tests.
import type { Role } from "../generated/prisma/client";

export type { Role };

export const ORGANISER_ROLES: readonly Role[] = ["ORGANISER", "ADMIN"];

/** Who is acting: the signed-in user's id and role, as the session states them. */
export interface Actor {
  userId: string;
  role: Role;
}

/** No session at all: the action should send the visitor to a login page. */
export class NotSignedIn extends Error {
  readonly status = 401;
  constructor() {
    super("Please sign in to continue.");
    this.name = "NotSignedIn";
  }
}

/** A session whose role may not do this: the action answers 403. */
export class Forbidden extends Error {
  readonly status = 403;
  constructor() {
    super("You do not have permission to do this.");
    this.name = "Forbidden";
  }
}

/** Where a stranger is sent for a protected path, or null when the path is public. */
export function loginPathFor(pathname: string): string | null {
  if (pathname === "/dashboard" || pathname.startsWith("/dashboard/")) return "/login";
  if (pathname === "/partner/login" || pathname.startsWith("/partner/login/")) return null;
  if (pathname === "/partner" || pathname.startsWith("/partner/")) return "/partner/login";
  return null;
}

/** Roles allowed on the area a protected path belongs to. */
export function rolesFor(pathname: string): readonly Role[] {
  return loginPathFor(pathname) === "/login" ? ORGANISER_ROLES : ["PARTNER"];
}
