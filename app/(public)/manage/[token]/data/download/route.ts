// "Download": everything stored about the group, as JSON, for its own manage link only.
import { getGroupData } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

const headers = { "cache-control": "no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex" };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  // In the group's language (the walk's name), whatever the visitor's browser says.
  const found = await getGroupData(token);
  if (!found) {
    return new Response("This link does not work: it may be incomplete, out of date or replaced by a newer one.", {
      status: 404,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (found.state === "erased") {
    return new Response("Nothing is stored about this registration any more: its personal data was deleted.", {
      status: 410,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  // The walkers' row ids are the database's, not data about anyone.
  const walkers = found.data.walkers.map((walker) => Object.fromEntries(Object.entries(walker).filter(([key]) => key !== "id")));
  const body = { ...found.data, walkers, downloadedAt: new Date() };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { ...headers, "content-type": "application/json; charset=utf-8", "content-disposition": 'attachment; filename="fun-walk-our-data.json"' },
  });
}
