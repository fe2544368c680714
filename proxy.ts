import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { loginPathFor, rolesFor } from "./lib/auth/roles";
import { env } from "./lib/env";
import { checkBodySize, checkPath, isFormPost, unparsableForm, type Refusal } from "./lib/http/request-guard";

function refuse(refusal: Refusal): NextResponse {
  return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

// API route handlers read their own bodies and answer an unreadable one with a sentence.
const parsesItsOwnBody = (pathname: string) => pathname.startsWith("/api/");

// Passes the current path (and query) to server components, so the language switch can
// return the visitor to the page they were on. Sends strangers on the dashboard or partner
// pages to the right login page — an early, optimistic check: every page, action and lib
// function checks the session and role again.
export async function proxy(request: NextRequest) {
  // Inputs Next.js would answer with a bare 500 get a 4xx with a sentence instead.
  // The gate's API refuses its own oversize uploads, in JSON and the visitor's language (app/api/gate/sync).
  const ownsBodySize = request.nextUrl.pathname.startsWith("/api/gate/");
  const refusal = checkPath(new URL(request.url).pathname) ?? (ownsBodySize ? null : checkBodySize(request.method, request.headers.get("content-length")));
  if (refusal) return refuse(refusal);
  if (isFormPost(request.method, request.headers.get("content-type")) && !parsesItsOwnBody(request.nextUrl.pathname)) {
    const readable = await request.clone().formData().then(() => true, () => false);
    if (!readable) return refuse(unparsableForm);
  }
  const { pathname, search } = request.nextUrl;
  // The API routes need only the checks above.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const loginPath = loginPathFor(pathname);
  if (loginPath) {
    const settings = env();
    const secureCookie = (settings.AUTH_URL ?? settings.APP_URL).startsWith("https://");
    const token = await getToken({ req: request, secret: settings.AUTH_SECRET, secureCookie }).catch(() => null);
    const role = typeof token?.role === "string" ? token.role : null;
    if (!role || !rolesFor(pathname).includes(role as never)) {
      const url = request.nextUrl.clone();
      url.pathname = loginPath;
      url.search = "";
      if (loginPath === "/partner/login") url.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(url);
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Not for static files, nor for the routes that need none of the above: the sign-up form's and
  // the language switch's (which check their own forms: readOwnForm, readOwnNodeForm) and the
  // bench's two constant routes, and the public pages rendered once for everyone (/, /booths, /en…,
  // /es…, /public/…: next.config.ts routes them; they read nothing of the visitor). Running the proxy
  // costs a request about 1 ms of CPU (docs/PERFORMANCE.md), a third of a sign-up's then.
  matcher: ["/((?!$|booths$|(?:en|es)(?:/booths)?$|public/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/|register/submit$|api/register/submit$|language$|api/ping$|api/ping-pages$).*)"],
};
