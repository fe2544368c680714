// A constant answer with no database and no session: the framework's own ceiling, measured by
// `npm run bench` next to the sign-up. It reveals nothing and changes nothing.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
