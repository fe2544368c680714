import "server-only";
import { Forbidden } from "../auth/roles";
import type { Prisma } from "../generated/prisma/client";

type Client = Pick<Prisma.TransactionClient, "user">;

/** The partner's organisation id (null before the profile is saved); Forbidden for anyone else. */
export async function partnerOrganisationId(client: Client, userId: string): Promise<string | null> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true, organisationId: true } });
  if (!user || user.role !== "PARTNER") throw new Forbidden();
  return user.organisationId;
}

export { isUuid } from "../ids";
