// The phone and the gate API: the list (whole, then changes since the cursor) and the queue's uploads.
// A 401 (no pass, or a pass forged, expired or revoked) deletes everything stored and gives the
// server's sentence. Runs in the browser only.
import { toSend, uploads } from "./queue";
import { applyList, applyResults, forgetEverything, gateDb, markPending, markSending, readMeta } from "./store";
import type { GateListResponse, SyncResult } from "./types";

export type Refused = { refused: true; message: string; reason?: string };
type Reached<T> = { refused: false; value: T } | Refused | { offline: true };

/** A pass not open yet is refused too, but nothing is wrong with what this phone holds. */
const keepsData = (reason: string | undefined) => reason === "notOpen";

async function refusal(response: Response): Promise<Refused> {
  const body = (await response.json().catch(() => ({}))) as { message?: unknown; reason?: unknown };
  const reason = typeof body.reason === "string" ? body.reason : undefined;
  if (!keepsData(reason)) await forgetEverything();
  return { refused: true, message: typeof body.message === "string" ? body.message : "", reason };
}

/** Downloads the list (the changes since the last cursor, or all of it when the server says so). */
export async function refreshList(): Promise<Reached<GateListResponse>> {
  const { cursor } = await readMeta();
  let response: Response;
  try {
    response = await fetch(`/api/gate/list${cursor ? `?since=${encodeURIComponent(cursor)}` : ""}`, { cache: "no-store", credentials: "same-origin" });
  } catch {
    return { offline: true };
  }
  if (response.status === 401) return refusal(response);
  if (!response.ok) return { offline: true };
  const list = (await response.json()) as GateListResponse;
  await applyList(list);
  return { refused: false, value: list };
}

let flushing: Promise<Reached<SyncResult[]>> | null = null;

/** Sends what waits, in uploads of up to 200; one flush at a time. Sending twice is harmless (the server keeps item ids). */
export function flushQueue(): Promise<Reached<SyncResult[]>> {
  flushing ??= flush().finally(() => (flushing = null));
  return flushing;
}

async function flush(): Promise<Reached<SyncResult[]>> {
  const items = toSend(await gateDb().queue.toArray());
  const all: SyncResult[] = [];
  for (const batch of uploads(items)) {
    const ids = batch.map((p) => p.id);
    await markSending(items.filter((i) => ids.includes(i.id)));
    let response: Response;
    try {
      response = await fetch("/api/gate/sync", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ items: batch }),
        cache: "no-store",
        credentials: "same-origin",
      });
    } catch {
      await markPending(ids);
      return { offline: true };
    }
    if (response.status === 401) return refusal(response);
    if (!response.ok) {
      await markPending(ids);
      return { offline: true };
    }
    const { results } = (await response.json()) as { results: SyncResult[] };
    await applyResults(results);
    // Items the answer left out wait for the next upload.
    const answeredIds = new Set(results.map((r) => r.id));
    await markPending(ids.filter((id) => !answeredIds.has(id)));
    all.push(...results);
  }
  return { refused: false, value: all };
}
