// Where the language switch posts (a plain form, so it works with JavaScript off, on the pages of
// both routers): sets the language cookie and answers 303 back to the page the visitor was on
// (lib/i18n/return-path.ts: languageReturnPath).
import { isLocale, localeCookie } from "@/lib/i18n/config";
import { languageReturnPath } from "@/lib/i18n/return-path";
import { readOwnForm } from "@/lib/http/request-guard";

export async function POST(request: Request): Promise<Response> {
  const form = await readOwnForm(request, {
    foreign: "The language can only be changed from the Fun Walk site.",
    notAForm: "Choose the language with the buttons at the top of the page.",
  });
  if (form instanceof Response) return form;
  const locale = form.get("locale");
  const returnTo = languageReturnPath(form.get("returnTo"), request.headers.get("referer"), isLocale(locale) ? locale : null);
  const headers = new Headers({ location: returnTo, "cache-control": "no-store" });
  if (isLocale(locale)) headers.append("set-cookie", `${localeCookie}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
}
