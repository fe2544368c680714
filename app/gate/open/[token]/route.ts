// GET /gate/open/<token>: a gate pass's link. Signs this browser in as that pass (a signed cookie)
// and sends it to the gate page; a link that is not valid, revoked or outside its window gets a
// page with a sentence in the visitor's language. See docs/decisions/011-race-day-gate.md.
import { env } from "@/lib/env";
import { gateSentence } from "@/lib/gate/messages";
import { refusalSentence, requestLocale } from "@/lib/gate/http";
import { gateSecret, GateRefused, openGatePass } from "@/lib/gate/pass";
import { GATE_COOKIE, signPassCookie } from "@/lib/gate/token";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, locale: "en" | "es", sentence: string): Response {
  const title = gateSentence(locale, "open.title");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(sentence)}</p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const locale = requestLocale(request);
  try {
    const pass = await openGatePass(token);
    const secure = new URL(request.url).protocol === "https:" || env().APP_URL?.startsWith("https://") === true;
    const maxAge = Math.max(60, Math.floor((pass.closesAt.getTime() - Date.now()) / 1000));
    const cookie = [
      `${GATE_COOKIE}=${signPassCookie(gateSecret(), pass.passId)}`,
      "Path=/",
      `Max-Age=${maxAge}`,
      "HttpOnly",
      "SameSite=Lax",
      ...(secure ? ["Secure"] : []),
    ].join("; ");
    // A relative Location: the link's token leaves the address bar at once.
    return new Response(null, { status: 303, headers: { location: "/gate", "set-cookie": cookie, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  } catch (error) {
    if (!(error instanceof GateRefused)) throw error;
    // Not open yet: 403 (it will work then); forged, revoked or closed: 401.
    return page(error.reason === "notOpen" ? 403 : 401, locale, refusalSentence(error, locale, "open"));
  }
}
