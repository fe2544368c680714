/** A same-site path to go back to after a form; anything else (other hosts, odd input) becomes "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f]/.test(value)) return "/";
  return value;
}

/**
 * Where the language switch sends the visitor: the page named in the form (the sign-up page names
 * itself), else the page the form was posted from (the Referer's path; the public pages are rendered
 * once for everyone and cannot name themselves), else "/". A page under a language's own address
 * (/en/…, /es/…) comes back under the chosen one's.
 */
export function languageReturnPath(returnTo: unknown, referer: string | null, locale: string | null): string {
  let path = typeof returnTo === "string" ? safeReturnPath(returnTo) : "/";
  if (typeof returnTo !== "string" && referer) {
    try {
      const url = new URL(referer);
      path = safeReturnPath(url.pathname + url.search);
    } catch {
      path = "/";
    }
  }
  const prefixed = /^\/(en|es)(?=\/|\?|$)/;
  return locale && prefixed.test(path) ? path.replace(prefixed, `/${locale}`) : path;
}
