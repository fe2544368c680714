import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { Forbidden } from "./roles";

/**
 * Checks, against the database, that the actor is an organiser or admin (a session's claim is not
 * enough); returns which.
 */
export async function assertOrganiser(client: Pick<Prisma.TransactionClient, "user">, userId: string): Promise<"ORGANISER" | "ADMIN"> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || (user.role !== "ORGANISER" && user.role !== "ADMIN")) throw new Forbidden();
  return user.role;
}
