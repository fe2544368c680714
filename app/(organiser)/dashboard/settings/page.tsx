import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { SettingsSection } from "./SettingsSection";

export const dynamic = "force-dynamic";

/** The current walk's settings (an edition's are at /dashboard/editions/<id>/settings). */
export default async function SettingsPage() {
  const actor = await organiserForPage();
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
  if (!event) return <p>{t("noEvent")}</p>;
  return <SettingsSection actor={actor} eventId={event.id} />;
}
