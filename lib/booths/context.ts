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

/** The walk booths are booked for: the next one still to end, else the most recent. */
export async function currentEventId(client: Pick<Prisma.TransactionClient, "event">, now: Date): Promise<string | null> {
  const event =
    (await client.event.findFirst({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: { id: true } })) ??
    (await client.event.findFirst({ orderBy: { startsAt: "desc" }, select: { id: true } }));
  return event?.id ?? null;
}

export { isUuid } from "../ids";
