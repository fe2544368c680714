import { expect, test } from "@playwright/test";

test("health reports the database as ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ ok: true, database: "ok" });
});

test("every response carries the security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the page title is in the document head from the first byte, in every language", async ({ request }) => {
  for (const [path, lang, title] of [
    ["/", "en", "Fun Walk"],
    ["/register", "es", "Caminata Recreativa"],
    ["/lost-link", "en", "Fun Walk"],
  ] as const) {
    const html = await (await request.get(path, { headers: { "Accept-Language": lang } })).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head, path).toMatch(new RegExp(`<title(?: [^>]*)?>[^<]*${title}[^<]*</title>`));
    expect(html, path).toContain(`<html lang="${lang}"`);
  }
});
