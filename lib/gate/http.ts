import "server-only";
// The gate's route handlers' common parts: who asks (the pass in the cookie, or a 401 with a
// sentence), in which language, and JSON answers that no cache keeps.
import { isLocale, localeCookie, localeFromAcceptLanguage, type Locale } from "../i18n/config";
import { gateSentence, walkTime } from "./messages";
import { authenticateGate, GateRefused, type GateActor } from "./pass";
import { GATE_COOKIE, readCookie } from "./token";

/** The visitor's language: the language switch's cookie, else the browser's. */
export function requestLocale(request: Request): Locale {
  const chosen = readCookie(request.headers.get("cookie"), localeCookie);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function gateJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** The sentence for a refused pass, in the visitor's language (when it opens, or closed, in the walk's zone). */
export function refusalSentence(error: GateRefused, locale: Locale, scope: "api" | "open"): string {
  const zone = error.pass?.timezone ?? "America/Port_of_Spain";
  const values = {
    opensAt: error.pass ? walkTime(error.pass.opensAt, locale, zone) : "",
    closesAt: error.pass ? walkTime(error.pass.closesAt, locale, zone) : "",
  };
  const key = scope === "open" && (error.reason === "missing" || error.reason === "forged") ? "unknown" : error.reason;
  return gateSentence(locale, `${scope}.${key}` as never, values);
}

/** 401 with `{ message, reason }` (and `opensAt` for a pass not open yet): the phone deletes its list on "revoked". */
export function gateUnauthorized(error: GateRefused, locale: Locale): Response {
  return gateJson(
    { message: refusalSentence(error, locale, "api"), reason: error.reason, ...(error.reason === "notOpen" && error.pass ? { opensAt: error.pass.opensAt.toISOString() } : {}) },
    401,
  );
}

/** The pass asking, or the 401 to answer with. */
export async function gateActorOf(request: Request): Promise<GateActor | Response> {
  try {
    return await authenticateGate(readCookie(request.headers.get("cookie"), GATE_COOKIE));
  } catch (error) {
    if (error instanceof GateRefused) return gateUnauthorized(error, requestLocale(request));
    throw error;
  }
}
