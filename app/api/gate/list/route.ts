// GET /api/gate/list[?since=<cursor>]: the pass's walk's gate list, whole or the changes since the
// cursor of an earlier answer. No contact details, ever. See docs/decisions/011-race-day-gate.md.
import { gateActorOf, gateJson } from "@/lib/gate/http";
import { gateList } from "@/lib/gate/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await gateActorOf(request);
  if (actor instanceof Response) return actor;
  return gateJson(await gateList(actor, new URL(request.url).searchParams.get("since")));
}
