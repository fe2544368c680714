// No "server-only" marker: the public pages (pages/public/, Pages Router pages rendered once for
// everyone) read it, and the marker throws outside the App Router's server components. Prisma and pg
// cannot be bundled for a browser, so a client component importing this fails the build anyway.
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
