import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { partnerPageActor } from "@/app/(partner)/partner/(account)/partner-session";
import { getPartnerOrganisation } from "@/lib/booths/queries";
import { OrganisationForm } from "./OrganisationForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Partner");
  return { title: t("organisationTitle") };
}

export default async function OrganisationPage() {
  const actor = await partnerPageActor();
  const t = await getTranslations("Partner");
  const organisation = await getPartnerOrganisation(actor.userId);
  const initial: Record<string, string> = organisation
    ? {
        name: organisation.name,
        category: organisation.category,
        contactName: organisation.contactName,
        phone: organisation.phone ?? "",
        website: organisation.website ?? "",
        description: organisation.description ?? "",
        ...(organisation.listPublicly ? { listPublicly: "on" } : {}),
      }
    : {};
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("organisationTitle")}</h1>
      <p>{t("organisationIntro")}</p>
      <OrganisationForm initial={initial} />
    </div>
  );
}
