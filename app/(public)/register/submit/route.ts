// Where the sign-up form posts (with or without JavaScript: it is a plain HTML form). A sign-up
// answers 303 to the group's manage page; anything else answers 303 back to the form, with what
// was typed and the errors kept in a sealed cookie (lib/registrations/form-cookie.ts), never in
// the URL. Requests that are not this site's form get a 4xx with a sentence.
import { clearFormStateCookies, formStateCookies } from "@/lib/registrations/form-cookie";
import { submitRegistration, walkerCountOf } from "@/lib/registrations/submit";
import { readOwnForm } from "@/lib/http/request-guard";

export const dynamic = "force-dynamic";

function cookieNames(request: Request): Set<string> {
  const header = request.headers.get("cookie") ?? "";
  return new Set(header.split(";").map((part) => part.split("=")[0]!.trim()));
}

export async function POST(request: Request): Promise<Response> {
  const formData = await readOwnForm(request, {
    foreign: "This form can only be sent from the Fun Walk sign-up page.",
    notAForm: "Send the sign-up form from the sign-up page.",
  });
  if (formData instanceof Response) return formData;

  const result = await submitRegistration(formData, request.headers);
  const secure = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")) === "https";
  const present = cookieNames(request);
  const headers = new Headers({ "cache-control": "no-store" });
  if (result.ok) {
    headers.set("location", `/manage/${result.manageToken}?registered=1`);
    for (const cookie of clearFormStateCookies(secure, (name) => present.has(name))) headers.append("set-cookie", cookie);
  } else {
    headers.set("location", `/register?walkers=${walkerCountOf(result.state.values)}&retry=1#form-summary`);
    for (const cookie of formStateCookies(result.state, secure, (name) => present.has(name))) headers.append("set-cookie", cookie);
  }
  return new Response(null, { status: 303, headers });
}
