// Checks a request before Next.js handles it, for inputs that Next itself would answer with a bare
// 500: a body over the server actions' limit, a path whose percent-encoding is not valid UTF-8, and
// a form body that cannot be parsed. Each becomes a 4xx with a sentence. Used by proxy.ts, and by
// the route handlers that read their own forms (readOwnForm).

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

export const formTooLarge: Refusal = { status: 413, message: "The form is too large to send. Shorten the longest answers and send it again." };

export function checkBodySize(method: string, contentLength: string | null): Refusal | null {
  if (method !== "POST" || contentLength === null) return null;
  const length = Number(contentLength);
  if (Number.isFinite(length) && length <= MAX_FORM_BYTES) return null;
  return formTooLarge;
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
 * The body of `request`, or null when it is longer than `limit` bytes: refused from its
 * Content-Length when it has one (Node.js never reads past it), counted as it arrives otherwise.
 */
async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (checkBodySize("POST", request.headers.get("content-length"))) return null;
  if (request.headers.has("content-length") || !request.body) return new Uint8Array(await request.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    length += read.value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * The form a route handler receives from this site's own page, or the 4xx to answer instead:
 * another site's Origin (403), a body that is not a form (415), one over MAX_FORM_BYTES (413), a
 * form that cannot be parsed (400). These routes are outside proxy.ts (see its matcher), so every
 * check on their bodies is here.
 */
export async function readOwnForm(request: Request, sentences: { foreign: string; notAForm: string }): Promise<FormData | Response> {
  if (!isSameOrigin(request.headers)) return refusal(403, sentences.foreign);
  const contentType = request.headers.get("content-type");
  if (!isFormPost("POST", contentType)) return refusal(415, sentences.notAForm);
  let body: Uint8Array<ArrayBuffer> | null;
  try {
    body = await readBoundedBody(request, MAX_FORM_BYTES);
  } catch {
    return refusal(unparsableForm.status, unparsableForm.message);
  }
  if (body === null) return refusal(formTooLarge.status, formTooLarge.message);
  // A browser's form without a file input: URLSearchParams reads it faster than Request.formData().
  if (/^application\/x-www-form-urlencoded/i.test(contentType!)) {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) form.append(name, value);
    return form;
  }
  try {
    return await new Response(body, { headers: { "content-type": contentType! } }).formData();
  } catch {
    return refusal(unparsableForm.status, unparsableForm.message);
  }
}
