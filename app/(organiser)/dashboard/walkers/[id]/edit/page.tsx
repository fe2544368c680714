import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { walkerFormValues } from "@/lib/registrations/schema";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getWalkerDetail } from "@/lib/walkers/queries";
import { OrganiserEditForm } from "./OrganiserEditForm";

export const dynamic = "force-dynamic";

export default async function EditWalkerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.walker");
  const event = await getDashboardEvent(actor, locale);
  if (!event) notFound();
  const walker = await getWalkerDetail(actor, event.id, (await params).id);
  if (!walker || walker.status === "CANCELLED") notFound();
  const initial = walkerFormValues(walker);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("editTitle", { name: `${walker.firstName} ${walker.lastName}` })}</h1>
      <OrganiserEditForm walkerId={walker.id} initial={initial} />
    </div>
  );
}
