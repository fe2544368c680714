// GET /api/gate/status: a cheap check the gate page polls. 401 once the pass is revoked or closed
// (the phone then deletes its list). See docs/decisions/011-race-day-gate.md.
import { gateActorOf, gateJson } from "@/lib/gate/http";
import { passInfo } from "@/lib/gate/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await gateActorOf(request);
  if (actor instanceof Response) return actor;
  return gateJson({ ok: true, pass: passInfo(actor), serverTime: new Date().toISOString() });
}
