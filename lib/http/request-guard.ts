// Checks a request before Next.js handles it, for inputs that Next itself would answer with a bare
// 500: a body over the server actions' limit, a path whose percent-encoding is not valid UTF-8, and
// a form body that cannot be parsed. Each becomes a 4xx with a sentence. Pure: used by proxy.ts.

/** Must match experimental.serverActions.bodySizeLimit in next.config.ts. */
export const MAX_FORM_BYTES = 256 * 1024;

export interface Refusal {
  status: 400 | 413;
  message: string;
}

export function checkPath(rawPath: string): Refusal | null {
  try {
    decodeURIComponent(rawPath);
    return null;
  } catch {
    return { status: 400, message: "This address is not valid. Check the link and try again." };
  }
}

export function checkBodySize(method: string, contentLength: string | null): Refusal | null {
  if (method !== "POST" || contentLength === null) return null;
  const length = Number(contentLength);
  if (Number.isFinite(length) && length <= MAX_FORM_BYTES) return null;
  return { status: 413, message: "The form is too large to send. Shorten the longest answers and send it again." };
}

/** A form post (a server action without JavaScript, or with it) whose body must parse as a form. */
export function isFormPost(method: string, contentType: string | null): boolean {
  if (method !== "POST" || !contentType) return false;
  return /^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(contentType);
}

export const unparsableForm: Refusal = { status: 400, message: "The form could not be read. Reload the page and send it again." };

/** A 4xx answer with a sentence, for route handlers. */
export function refusal(status: 400 | 403 | 413 | 415, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * A browser's form post comes from this site (as Next.js requires of server actions): its Origin's
 * host is the host the request was sent to. A request without Origin is not a browser's form post
 * from another site, so there is nothing to forge; "null" or a malformed Origin is refused.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The form a route handler receives from this site's own page, or the 4xx to answer instead:
 * another site's Origin (403), a body that is not a form (415), a form that cannot be parsed (400).
 */
export async function readOwnForm(request: Request, sentences: { foreign: string; notAForm: string }): Promise<FormData | Response> {
  if (!isSameOrigin(request.headers)) return refusal(403, sentences.foreign);
  if (!isFormPost("POST", request.headers.get("content-type"))) return refusal(415, sentences.notAForm);
  try {
    return await request.formData();
  } catch {
    return refusal(unparsableForm.status, unparsableForm.message);
  }
}
