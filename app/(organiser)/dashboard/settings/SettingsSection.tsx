import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { getEventSettings } from "@/lib/events/settings";
import { SettingsForm } from "./SettingsForm";

/** A datetime-local value in Port of Spain (UTC−4 all year). */
function local(date: Date): string {
  return new Date(date.getTime() - 4 * 3_600_000).toISOString().slice(0, 16);
}

/** One edition's dates, places and hold times: the current walk's settings page and an edition's. */
export async function SettingsSection({ actor, eventId }: { actor: Actor; eventId: string }) {
  const t = await getTranslations("Dashboard");
  const settings = await getEventSettings(actor, eventId);
  if (!settings) return <p>{t("noEvent")}</p>;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <p>{t("settings.intro", { confirmed: settings.confirmedCount })}</p>
      <SettingsForm
        eventId={eventId}
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
