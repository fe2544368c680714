// Where the sign-up form posts (`/api/register/submit`; pages built before it moved post to
// `/register/submit`, rewritten here in next.config.ts). A Pages Router API route rather than an App
// Router route handler because it costs a request about half the CPU, and the sign-up is the one
// route under load (docs/decisions/004-sign-up-as-a-pages-router-route.md). With or without
// JavaScript it is a plain HTML form. A sign-up answers 303 to the group's manage page; anything
// else answers 303 back to the form, with what was typed and the errors kept in a sealed cookie
// (lib/registrations/form-cookie.ts), never in the URL. Requests that are not this site's form get
// a 4xx with a sentence.
import type { NextApiRequest, NextApiResponse } from "next";
import { headersOf, isFormFields, readOwnNodeForm } from "@/lib/http/request-guard";
import { clearFormStateCookies, formStateCookies } from "@/lib/registrations/form-cookie";
import { submitRegistration, walkerCountOf } from "@/lib/registrations/submit";

// The body is read here (readOwnNodeForm: its size limit, its refusals), not by Next.js.
export const config = { api: { bodyParser: false } };

function cookieNames(header: string | undefined): Set<string> {
  return new Set((header ?? "").split(";").map((part) => part.split("=")[0]!.trim()));
}

export default async function submit(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  response.setHeader("cache-control", "no-store");
  if (request.method !== "POST") {
    response.setHeader("allow", "POST");
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.status(405).end("Send the sign-up form from the sign-up page.");
    return;
  }
  const headers = headersOf(request);
  const formData = await readOwnNodeForm(request, headers, {
    foreign: "This form can only be sent from the Fun Walk sign-up page.",
    notAForm: "Send the sign-up form from the sign-up page.",
  });
  if (!isFormFields(formData)) {
    response.setHeader("content-type", "text/plain; charset=utf-8");
    // The rest of a refused body is not read: close the connection rather than drain it.
    if (!request.complete) response.setHeader("connection", "close");
    response.status(formData.status).end(formData.message);
    return;
  }

  const result = await submitRegistration(formData, headers);
  const secure = (headers.get("x-forwarded-proto") ?? ("encrypted" in request.socket ? "https" : "http")) === "https";
  const present = cookieNames(request.headers.cookie);
  const cookies = result.ok
    ? clearFormStateCookies(secure, (name) => present.has(name))
    : formStateCookies(result.state, secure, (name) => present.has(name));
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  response.setHeader(
    "location",
    result.ok ? `/manage/${result.manageToken}?registered=1` : `/register?walkers=${walkerCountOf(result.state.values)}&retry=1#form-summary`,
  );
  response.status(303).end();
}
