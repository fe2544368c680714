import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { exportWalkersCsv, walkToExport } from "@/lib/walkers/export";
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
    const params = new URL(request.url).searchParams;
    // ?walk=<id>: a given walk (the purge notice's link), for admins; the current walk otherwise.
    const event = await walkToExport(actor, params.get("walk") ?? undefined);
    if (!event) return new Response("There is no such walk, or its personal data is already erased: there is nothing to export.", { status: 404 });
    const filter = walkerFilterSchema.parse(Object.fromEntries(params));
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
    if (error instanceof Forbidden) return new Response("Only admins may export a walk other than the current one.", { status: 403 });
    throw error;
  }
}
