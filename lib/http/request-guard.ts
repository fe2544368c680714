// Checks a request before Next.js handles it, for inputs that Next itself would answer with a bare
// 500: a body over the server actions' limit, a path whose percent-encoding is not valid UTF-8, and
// a form body that cannot be parsed. Each becomes a 4xx with a sentence. Used by proxy.ts, and by
// the route handlers that read their own forms (readOwnForm, readOwnNodeForm).
import type { IncomingMessage } from "node:http";

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
export function isSameOrigin(headers: HeaderReader): boolean {
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
  return joined(chunks, length);
}

/** `chunks` in one array of `length` bytes. */
function joined(chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** A form post refused before it is read further: the status and the sentence to answer with. */
export interface FormRefusal {
  status: 400 | 403 | 413 | 415;
  message: string;
}

/** What refuses a form before its body is read: another site's Origin (403), a body that is not a form (415). */
function checkOwnFormHeaders(headers: HeaderReader, sentences: { foreign: string; notAForm: string }): FormRefusal | null {
  if (!isSameOrigin(headers)) return { status: 403, message: sentences.foreign };
  if (!isFormPost("POST", headers.get("content-type"))) return { status: 415, message: sentences.notAForm };
  return null;
}

/** Decodes as Request.formData() does (bytes that are not UTF-8 become U+FFFD); it keeps no state between calls. */
const utf8 = new TextDecoder();

/**
 * A form's fields: a URL-encoded form (what a browser sends for a form without a file input) as
 * URLSearchParams, a multipart one as FormData. Both are read the same way: get(), getAll(), entries().
 */
export type FormFields = FormData | URLSearchParams;

export function isFormFields(value: unknown): value is FormFields {
  return value instanceof URLSearchParams || value instanceof FormData;
}

/** The form in a body already read (and within MAX_FORM_BYTES), or 400 when it cannot be parsed. */
function formFromBody(contentType: string, body: Uint8Array<ArrayBuffer>): FormFields | Promise<FormFields | FormRefusal> {
  // URLSearchParams reads a URL-encoded form faster than Request.formData(), and is kept as it is
  // (copying it into a FormData cost the sign-up route more than reading it). No promise for it:
  // only a multipart form is read asynchronously.
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) return new URLSearchParams(utf8.decode(body));
  return new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => unparsableForm);
}

/**
 * The form a route handler receives from this site's own page, or the 4xx to answer instead:
 * another site's Origin (403), a body that is not a form (415), one over MAX_FORM_BYTES (413), a
 * form that cannot be parsed (400). These routes are outside proxy.ts (see its matcher), so every
 * check on their bodies is here.
 */
export async function readOwnForm(request: Request, sentences: { foreign: string; notAForm: string }): Promise<FormFields | Response> {
  const refused = checkOwnFormHeaders(request.headers, sentences);
  if (refused) return refusal(refused.status, refused.message);
  let body: Uint8Array<ArrayBuffer> | null;
  try {
    body = await readBoundedBody(request, MAX_FORM_BYTES);
  } catch {
    return refusal(unparsableForm.status, unparsableForm.message);
  }
  if (body === null) return refusal(formTooLarge.status, formTooLarge.message);
  const form = await formFromBody(request.headers.get("content-type")!, body);
  return isFormFields(form) ? form : refusal(form.status, form.message);
}

/** What the checks read of a request's headers: web `Headers`, Next's `headers()`, or headersOf(). */
export type HeaderReader = Pick<Headers, "get">;

/**
 * A Node.js request's headers, read as `Headers#get` reads them (any case of the name; repeated
 * headers joined with ", ", as `fetch` joins them). A view of `request.headers`, not a copy: the
 * sign-up route reads a few headers of every request, and copying all of them into a `Headers`
 * (which checks each name and value) cost more than the reads.
 */
export function headersOf(request: IncomingMessage): HeaderReader {
  const raw = request.headers;
  return {
    get(name: string): string | null {
      const key = name.toLowerCase();
      // Its own properties only: the object's prototype has "constructor", "toString" and so on.
      const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
      if (value === undefined) return null;
      return typeof value === "string" ? value : value.join(", ");
    },
  };
}

/**
 * The body of a Node.js request, or null when it is longer than `limit` bytes: refused from its
 * Content-Length when it has one, counted as it arrives otherwise (reading stops at the limit).
 */
function readBoundedNodeBody(request: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (checkBodySize("POST", request.headers["content-length"] ?? null)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        stop();
        request.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(joined(chunks, length));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

/**
 * readOwnForm for a Pages Router API route: the same checks and refusals, from a Node.js request
 * and its headers (headersOf). A refusal of a body that was not read to its end should be answered
 * with `Connection: close`.
 */
export async function readOwnNodeForm(
  request: IncomingMessage,
  headers: HeaderReader,
  sentences: { foreign: string; notAForm: string },
): Promise<FormFields | FormRefusal> {
  const refused = checkOwnFormHeaders(headers, sentences);
  if (refused) return refused;
  let body: Uint8Array<ArrayBuffer> | null;
  try {
    body = await readBoundedNodeBody(request, MAX_FORM_BYTES);
  } catch {
    return unparsableForm;
  }
  if (body === null) return formTooLarge;
  return formFromBody(headers.get("content-type")!, body);
}
