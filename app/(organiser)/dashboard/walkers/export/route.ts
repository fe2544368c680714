import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { exportWalkersCsv } from "@/lib/walkers/export";
import { walkerFilterSchema } from "@/lib/walkers/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireRole(...ORGANISER_ROLES);
  } catch (error) {
    if (error instanceof NotSignedIn) return new Response("Please sign in as an organiser.", { status: 401 });
    if (error instanceof Forbidden) return new Response("You do not have permission to export walkers.", { status: 403 });
    throw error;
  }
  try {
    const event = await getDashboardEvent(actor, "en");
    if (!event) return new Response("No walk is set up yet.", { status: 404 });
    const filter = walkerFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const stream = await exportWalkersCsv(actor, event.id, filter);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="walkers-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof Forbidden) return new Response("You do not have permission to export walkers.", { status: 403 });
    throw error;
  }
}
