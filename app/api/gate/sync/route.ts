// POST /api/gate/sync: a phone's queued check-ins, undos and walk-ups, answered item by item.
// At most 200 items and 256 kB (else 413). See docs/decisions/011-race-day-gate.md.
import { gateSentence } from "@/lib/gate/messages";
import { gateActorOf, gateJson, requestLocale } from "@/lib/gate/http";
import { syncGateItems } from "@/lib/gate/mutations";
import { MAX_SYNC_BYTES, MAX_SYNC_ITEMS, syncBodySchema } from "@/lib/gate/schema";
import { isSameOrigin } from "@/lib/http/request-guard";

export const dynamic = "force-dynamic";

/** The body as text, or null when it is longer than `limit` bytes (counted as it arrives). */
async function readBounded(request: Request, limit: number): Promise<string | null> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > limit) return null;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request): Promise<Response> {
  const locale = requestLocale(request);
  const actor = await gateActorOf(request);
  if (actor instanceof Response) return actor;
  // The cookie is SameSite=Lax, so another site's post carries none; a browser's Origin is checked as well.
  if (!isSameOrigin(request.headers)) return gateJson({ message: gateSentence(locale, "api.foreign") }, 403);
  const text = await readBounded(request, MAX_SYNC_BYTES);
  if (text === null) return gateJson({ message: gateSentence(locale, "api.tooLarge") }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return gateJson({ message: gateSentence(locale, "api.unreadable") }, 400);
  }
  const parsed = syncBodySchema.safeParse(body);
  if (!parsed.success) return gateJson({ message: gateSentence(locale, "api.unreadable") }, 400);
  if (parsed.data.items.length > MAX_SYNC_ITEMS) return gateJson({ message: gateSentence(locale, "api.tooLarge") }, 413);
  const results = await syncGateItems(actor, parsed.data.items);
  return gateJson({ serverTime: new Date().toISOString(), results });
}
