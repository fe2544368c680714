import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkBodySize, checkPath, headersOf, isFormFields, isFormPost, isSameOrigin, MAX_FORM_BYTES, readOwnForm, readOwnNodeForm, type FormFields } from "./request-guard";

describe("request guard", () => {
  it("refuses paths whose percent-encoding is not valid UTF-8, and accepts odd but valid ones", () => {
    expect(checkPath("/manage/%F0%9F%98%80%00%C0")?.status).toBe(400);
    expect(checkPath("/api/auth/%00%ff")?.status).toBe(400);
    expect(checkPath("/manage/%F0%9F%98%80")).toBeNull();
    expect(checkPath("/register?walkers=3")).toBeNull();
  });

  it("refuses a POST body over the limit with 413, by its declared length", () => {
    expect(checkBodySize("POST", String(MAX_FORM_BYTES + 1))).toMatchObject({ status: 413 });
    expect(checkBodySize("POST", "not a number")).toMatchObject({ status: 413 });
    expect(checkBodySize("POST", String(MAX_FORM_BYTES))).toBeNull();
    expect(checkBodySize("GET", String(MAX_FORM_BYTES * 10))).toBeNull();
    expect(checkBodySize("POST", null)).toBeNull();
  });

  it("knows a form post", () => {
    expect(isFormPost("POST", "multipart/form-data; boundary=x")).toBe(true);
    expect(isFormPost("POST", "application/x-www-form-urlencoded")).toBe(true);
    expect(isFormPost("POST", "text/plain;charset=UTF-8")).toBe(false);
    expect(isFormPost("GET", "multipart/form-data")).toBe(false);
  });
});

describe("isSameOrigin", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it("accepts this site's pages and requests without Origin", () => {
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://funwalk.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "funwalk.example", origin: "https://funwalk.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "funwalk.example" }))).toBe(true);
  });
  it("refuses another site, an opaque origin and nonsense", () => {
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://elsewhere.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://funwalk.example.elsewhere.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "null" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "https://funwalk.example" }))).toBe(false);
  });
});

describe("readOwnForm", () => {
  const sentences = { foreign: "Not from here.", notAForm: "Not a form." };
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/register/submit", { method: "POST", body, headers: { host: "localhost:3000", ...headers } });
  /** A body that arrives in pieces, with no Content-Length (chunked). */
  const streamed = (pieces: string[]) =>
    new Request("http://localhost:3000/register/submit", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
  const answer = async (result: FormFields | Response) => {
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    return [response.status, await response.text()];
  };

  it("reads a URL-encoded form as the browser sent it", async () => {
    const form = await readOwnForm(post("a=Jos%C3%A9+%C3%91u%C3%B1ez&b=1&b=2&empty=&odd=%26%3D%2B", { "content-type": "application/x-www-form-urlencoded" }), sentences);
    expect(form).toBeInstanceOf(URLSearchParams);
    const data = form as FormFields;
    expect(data.get("a")).toBe("José Ñuñez");
    expect(data.getAll("b")).toEqual(["1", "2"]);
    expect(data.get("empty")).toBe("");
    expect(data.get("odd")).toBe("&=+");
  });

  it("reads a multipart form, and a URL-encoded one that arrives in pieces", async () => {
    const multipart = new FormData();
    multipart.append("walkers.0.firstName", "Ana");
    const form = await readOwnForm(post(multipart, { origin: "http://localhost:3000" }), sentences);
    expect(form).toBeInstanceOf(FormData);
    expect((form as FormFields).get("walkers.0.firstName")).toBe("Ana");
    const pieces = await readOwnForm(streamed(["first", "Name=Lu", "%C3%ADs&x=1"]), sentences);
    expect((pieces as FormFields).get("firstName")).toBe("Luís");
  });

  it("refuses a body over the limit with 413: by its declared length, or as it arrives", async () => {
    const big = "a=" + "x".repeat(MAX_FORM_BYTES);
    const declared = post(big, { "content-type": "application/x-www-form-urlencoded", "content-length": String(big.length) });
    expect(declared.headers.get("content-length")).toBe(String(big.length));
    expect(await answer(await readOwnForm(declared, sentences))).toEqual([
      413,
      expect.stringContaining("too large"),
    ]);
    const chunks = Array.from({ length: 5 }, () => "x".repeat(MAX_FORM_BYTES / 4));
    expect((await answer(await readOwnForm(streamed(chunks), sentences)))[0]).toBe(413);
    // Exactly the limit is accepted.
    const fits = await readOwnForm(streamed(["a=", "x".repeat(MAX_FORM_BYTES - 2)]), sentences);
    expect((fits as FormFields).get("a")).toHaveLength(MAX_FORM_BYTES - 2);
  });

  it("refuses another site, a body that is not a form, and a form that cannot be read", async () => {
    expect(await answer(await readOwnForm(post("a=1", { "content-type": "application/x-www-form-urlencoded", origin: "https://elsewhere.example" }), sentences))).toEqual([
      403,
      "Not from here.",
    ]);
    expect(await answer(await readOwnForm(post("{}", { "content-type": "application/json" }), sentences))).toEqual([415, "Not a form."]);
    expect((await answer(await readOwnForm(post("--x\r\nnonsense", { "content-type": "multipart/form-data; boundary=x" }), sentences)))[0]).toBe(400);
  });
});

describe("headersOf", () => {
  it("reads a Node.js request's headers as Headers#get does", async () => {
    let read: Record<string, string | null> = {};
    let status = 0;
    const server = createServer((request, response) => {
      const headers = headersOf(request);
      read = {
        origin: headers.get("Origin"),
        forwarded: headers.get("X-Forwarded-For"),
        cookie: headers.get("cookie"),
        missing: headers.get("referer"),
        inherited: headers.get("constructor"),
        sameOrigin: String(isSameOrigin(headers)),
      };
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/",
          // An array is sent as one header line per value.
          headers: { Origin: `http://127.0.0.1:${port}`, "X-Forwarded-For": ["203.0.113.7", "198.51.100.2"], Cookie: "a=1" },
        },
        (res) => {
          status = res.statusCode ?? 0;
          res.resume();
          res.on("end", resolve);
        },
      );
      req.on("error", reject);
      req.end();
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(status).toBe(200);
    expect(read).toEqual({
      origin: `http://127.0.0.1:${port}`,
      // Repeated headers are joined, as fetch's Headers joins them.
      forwarded: "203.0.113.7, 198.51.100.2",
      cookie: "a=1",
      missing: null,
      inherited: null,
      sameOrigin: "true",
    });
  });
});

// The sign-up route is a Pages Router API route: the same checks on a real Node.js request.
describe("readOwnNodeForm", () => {
  const sentences = { foreign: "Not from here.", notAForm: "Not a form." };
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const result = await readOwnNodeForm(request, headersOf(request), sentences);
      if (isFormFields(result)) {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify([...result.entries()]));
      } else {
        if (!request.complete) response.setHeader("connection", "close");
        response.statusCode = result.status;
        response.end(result.message);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `pieces` as the body: with Content-Length when `declared`, otherwise chunked, one write each. */
  const send = (pieces: string[], headers: Record<string, string>, declared = true) =>
    new Promise<[number, string]>((resolve, reject) => {
      const body = pieces.join("");
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/register/submit",
          headers: { ...headers, ...(declared ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve([res.statusCode ?? 0, text]));
        },
      );
      // The server may answer and close before the whole of a refused body is sent.
      req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
      for (const piece of pieces) req.write(piece);
      req.end();
    });
  const form = { "content-type": "application/x-www-form-urlencoded" };

  it("reads a URL-encoded form, whole or in pieces, and a multipart one", async () => {
    const [status, text] = await send(["a=Jos%C3%A9+%C3%91u%C3%B1ez&b=1&b=2&empty=&odd=%26%3D%2B"], { ...form, origin: `http://127.0.0.1:${port}` });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual([["a", "José Ñuñez"], ["b", "1"], ["b", "2"], ["empty", ""], ["odd", "&=+"]]);
    expect(JSON.parse((await send(["first", "Name=Lu", "%C3%ADs&x=1"], form, false))[1])).toEqual([["firstName", "Luís"], ["x", "1"]]);
    const multipart = "--x\r\nContent-Disposition: form-data; name=\"walkers.0.firstName\"\r\n\r\nAna\r\n--x--\r\n";
    expect(JSON.parse((await send([multipart], { "content-type": "multipart/form-data; boundary=x" }))[1])).toEqual([["walkers.0.firstName", "Ana"]]);
  });

  it("refuses a body over the limit with 413: by its declared length, or as it arrives", async () => {
    const big = "a=" + "x".repeat(MAX_FORM_BYTES);
    expect(await send([big], form)).toEqual([413, expect.stringContaining("too large")]);
    const quarter = "x".repeat(MAX_FORM_BYTES / 4);
    expect((await send([quarter, quarter, quarter, quarter, quarter], form, false))[0]).toBe(413);
    // Exactly the limit is accepted.
    const [status, text] = await send(["a=", "x".repeat(MAX_FORM_BYTES - 2)], form, false);
    expect(status).toBe(200);
    expect((JSON.parse(text) as [string, string][])[0]![1]).toHaveLength(MAX_FORM_BYTES - 2);
  });

  it("refuses another site, a body that is not a form, and a form that cannot be read", async () => {
    expect(await send(["a=1"], { ...form, origin: "https://elsewhere.example" })).toEqual([403, "Not from here."]);
    expect(await send(["{}"], { "content-type": "application/json" })).toEqual([415, "Not a form."]);
    expect((await send(["--x\r\nnonsense"], { "content-type": "multipart/form-data; boundary=x" }))[0]).toBe(400);
  });
});
