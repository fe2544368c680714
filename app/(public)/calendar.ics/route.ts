import { getCalendarEvent } from "@/lib/registrations/queries";
import { eventIcs } from "@/lib/registrations/ics";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The walk as an iCalendar file: public, with no personal data. */
export async function GET() {
  const event = await getCalendarEvent();
  if (!event) return new Response("No walk is scheduled.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const appUrl = env().APP_URL;
  const body = eventIcs({
    uid: `${event.slug}@${new URL(appUrl).host}`,
    name: event.nameEn,
    description: `${event.themeEn} ${appUrl}`,
    location: event.venueAddress,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    url: appUrl,
  });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}.ics"`,
      "cache-control": "public, max-age=300",
    },
  });
}
