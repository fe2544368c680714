import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getEventSettings } from "@/lib/events/settings";
import { SettingsForm } from "./SettingsForm";

export const dynamic = "force-dynamic";

/** A datetime-local value in Port of Spain (UTC−4 all year). */
function local(date: Date): string {
  return new Date(date.getTime() - 4 * 3_600_000).toISOString().slice(0, 16);
}

export default async function SettingsPage() {
  const actor = await organiserForPage();
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
  if (!event) return <p>{t("noEvent")}</p>;
  const settings = (await getEventSettings(actor, event.id))!;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <p>{t("settings.intro", { confirmed: settings.confirmedCount })}</p>
      <SettingsForm
        initial={{
          capacity: String(settings.capacity),
          startsAt: local(settings.startsAt),
          endsAt: local(settings.endsAt),
          registrationOpensAt: local(settings.registrationOpensAt),
          registrationClosesAt: local(settings.registrationClosesAt),
          boothHoldHours: String(settings.boothHoldHours),
          walkUpPlaces: String(settings.walkUpPlaces),
          retentionDays: String(settings.retentionDays),
          contactEmail: settings.contactEmail ?? "",
        }}
        isAdmin={actor.role === "ADMIN"}
      />
    </div>
  );
}
