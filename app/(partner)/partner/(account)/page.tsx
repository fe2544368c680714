import { redirect } from "next/navigation";
import { partnerPageActor } from "@/app/(partner)/partner/(account)/partner-session";
import { getPartnerOrganisation } from "@/lib/booths/queries";

export default async function PartnerHome() {
  const actor = await partnerPageActor();
  const organisation = await getPartnerOrganisation(actor.userId);
  redirect(organisation ? "/partner/bookings" : "/partner/organisation");
}
