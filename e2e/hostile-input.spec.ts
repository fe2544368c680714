import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { signManageToken } from "../lib/registrations/manage-token";
import { withDatabase } from "./support/db";
import { e2e } from "./support/env";
import { expect, test } from "./support/fixtures";

// Every public form, action and route fed malformed input answers with a clear 4xx or a field error,
// never a 500 or a stack trace, and the database is unchanged. Runs in a project of its own, after
// every other spec, so the row counts it compares are its own.
//
// Without TRUST_PROXY the rate limits key on the first X-Forwarded-For address (documented in
// docs/ARCHITECTURE.md); each request here names its own address, so the validation itself answers
// rather than the rate limit.

test.describe.configure({ mode: "serial" });

let address = 0;
const fromNewAddress = () => ({ "x-forwarded-for": `198.51.100.${++address % 250}`, origin: e2e.baseURL });

const STACK = /\bat [\w.$<>]+ \([^)]*:\d+:\d+\)|node_modules\/|Internal Server Error|PrismaClient|ECONNREFUSED/;

async function expectClean(response: APIResponse, allowed: number[] = [200, 303, 400, 404, 405, 413]) {
  const body = await response.text();
  expect(allowed, `${response.url()} answered ${response.status()}`).toContain(response.status());
  expect(body).not.toMatch(STACK);
  return body;
}

async function snapshot() {
  return withDatabase(async (client) => {
    const { rows } = await client.query(`SELECT
      (SELECT count(*)::int FROM "Walker") AS walkers,
      (SELECT count(*)::int FROM "RegistrationGroup") AS groups,
      (SELECT count(*)::int FROM "EmailOutbox") AS emails,
      (SELECT sum("confirmedCount")::int FROM "Event") AS confirmed,
      (SELECT count(*)::int FROM "User") AS users,
      (SELECT count(*)::int FROM "VerificationToken") AS tokens,
      (SELECT count(*)::int FROM "BoothBooking") AS bookings,
      (SELECT count(*)::int FROM "CheckIn") AS checkins`);
    return rows[0];
  });
}

/** The hidden fields that make a no-JavaScript post run the page's form action (the page's last form). */
async function actionFields(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  const page = await (await request.get(path)).text();
  const start = page.lastIndexOf("<form");
  const form = page.slice(start, page.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? "";
    if (name) fields[name] = value.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  }
  expect(Object.keys(fields).some((n) => n.startsWith("$ACTION")), `${path} has a form action`).toBe(true);
  return fields;
}

/** The sign-up form's hidden fields (a plain form posted to /api/register/submit). */
async function signUpFields(request: APIRequestContext): Promise<Record<string, string>> {
  const page = await (await request.get("/register")).text();
  const start = page.lastIndexOf("<form", page.indexOf('action="/api/register/submit"'));
  expect(start, "/register has the sign-up form").toBeGreaterThan(-1);
  const form = page.slice(start, page.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(match[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(match[0])?.[1] ?? "";
  }
  expect(fields.submissionKey).toBeTruthy();
  return fields;
}

/** Posts a sign-up form; it must come back to the form (303), which then shows the attempt. */
async function postSignUp(request: APIRequestContext, form: Record<string, string>): Promise<string> {
  const response = await request.post("/api/register/submit", { multipart: form, headers: fromNewAddress(), maxRedirects: 0 });
  await expectClean(response, [303]);
  const location = response.headers()["location"]!;
  expect(location).toMatch(/^\/register\?walkers=\d+&retry=1#form-summary$/);
  return expectClean(await request.get(location), [200]);
}

const injection = `<script>alert("x")</script>'; DROP TABLE "Walker"; --`;
const oddUnicode = "\u202Eevil\u200B\u0301 𝓐𝓷𝓪 👩🏽‍🦱 \uFEFF\u0000end";

/** A sign-up that is complete except for what each case breaks. */
function validSignUp(fields: Record<string, string>): Record<string, string> {
  return {
    ...fields,
    website: "",
    "walkers.0.firstName": "Hostile",
    "walkers.0.lastName": `Input ${Date.now()}`,
    contactEmail: `hostile-${Date.now()}@example.org`,
    "walkers.0.ageBand": "AGE_35_54",
    "walkers.0.emergencyContactName": "Someone Else",
    "walkers.0.emergencyContactPhone": "6201234",
    language: "EN",
    waiverAccepted: "on",
    privacyAccepted: "on",
  };
}

let before: Awaited<ReturnType<typeof snapshot>>;

test("the database is counted before the hostile requests", async () => {
  before = await snapshot();
  expect(before.walkers).toBeGreaterThanOrEqual(0);
});

test("the sign-up form answers malformed posts with field errors, never a 500", async ({ request }) => {
  const fields = await signUpFields(request);
  const withoutWaiver = { ...validSignUp(fields), waiverAccepted: "" };
  const cases: Record<string, string>[] = [
    fields, // every field missing
    { ...withoutWaiver, "walkers.0.ageBand": "ADULT", language: "FR", contactEmail: "not-an-email", "walkers.0.emergencyContactPhone": "call me" },
    { ...withoutWaiver, "walkers.0.isAdmin": "true", confirmedCount: "0", status: "CONFIRMED", "__proto__.polluted": "1", "walkers.__proto__.x": "1" },
    { ...withoutWaiver, "walkers.99.firstName": "Far", "walkers.-1.firstName": "Negative", "walkers.0": "flat" },
    { ...withoutWaiver, "walkers.0.firstName": "x".repeat(200_000) },
    { ...withoutWaiver, "walkers.0.firstName": oddUnicode, "walkers.0.lastName": injection, contactEmail: `${injection}@example.org` },
    { ...validSignUp(fields), submissionKey: "'; DROP TABLE x; --", waiverVersion: injection },
    { ...validSignUp(fields), website: "http://spam.example" }, // the honeypot
  ];
  for (const form of cases) {
    const body = await postSignUp(request, form);
    expect(body).toContain('role="alert"');
    expect(body).not.toContain("<script>alert");
  }
});

test("a name with control characters is a field error, not a database error", async ({ request }) => {
  const fields = await signUpFields(request);
  const body = await postSignUp(request, { ...validSignUp(fields), "walkers.0.firstName": "Nul\u0000Byte" });
  // The field's own message, next to the field (not the generic "something went wrong").
  expect(body).toMatch(/id="walkers-0-firstName-error"[^>]*>Remove the unusual characters/);
});

test("oversized, unreadable and forged sign-up requests get a 4xx with a sentence", async ({ request }) => {
  const fields = await signUpFields(request);
  const big = await request.post("/api/register/submit", { multipart: { ...fields, "walkers.0.firstName": "x".repeat(1_000_000) }, headers: fromNewAddress() });
  expect(big.status()).toBe(413);
  expect(await big.text()).toMatch(/too large/);

  const garbled = await request.post("/api/register/submit", {
    headers: { ...fromNewAddress(), "content-type": "multipart/form-data; boundary=zz" },
    data: "--zz\r\nbroken",
  });
  expect(garbled.status()).toBe(400);
  expect(await garbled.text()).toMatch(/could not be read/);

  // Not a form: JSON, or nothing at all.
  for (const data of ['{"walkers": [1]}', "[]", ""]) {
    const json = await request.post("/api/register/submit", { headers: { ...fromNewAddress(), "content-type": "application/json" }, data });
    expect(json.status()).toBe(415);
    expect(await json.text()).toMatch(/sign-up page/);
  }
  // Another site's page posting the form (cross-site request forgery).
  const forged = await request.post("/api/register/submit", {
    multipart: validSignUp(fields),
    headers: { ...fromNewAddress(), origin: "https://elsewhere.example" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toMatch(/only be sent from the Fun Walk sign-up page/);
  // Only a POST signs up; anything else is refused with a sentence.
  for (const path of ["/api/register/submit", "/register/submit"]) {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const other = await request.fetch(path, { method, headers: fromNewAddress(), maxRedirects: 0 });
      expect(other.status(), `${method} ${path}`).toBe(405);
      expect(await other.text()).toMatch(/sign-up page/);
    }
  }
  // The language switch's route refuses the same way.
  const foreignLanguage = await request.post("/language", { form: { locale: "es", returnTo: "/" }, headers: { origin: "https://elsewhere.example" }, maxRedirects: 0 });
  expect(foreignLanguage.status()).toBe(403);
  const jsonLanguage = await request.post("/language", { data: { locale: "es" }, maxRedirects: 0 });
  expect(jsonLanguage.status()).toBe(415);
  for (const returnTo of ["https://elsewhere.example/", "//elsewhere.example", injection]) {
    const away = await request.post("/language", { form: { locale: "xx", returnTo }, maxRedirects: 0 });
    expect(away.status()).toBe(303);
    expect(away.headers()["location"]).toBe("/");
    expect(away.headers()["set-cookie"]).toBeUndefined();
  }
  // A sealed attempt that was tampered with is ignored: the form starts afresh.
  const tampered = await request.get("/register?retry=1", { headers: { cookie: "funwalk-register.0=AAAA" + "x".repeat(60) } });
  expect(await expectClean(tampered, [200])).not.toContain('role="alert"');
  // Unknown server actions, on a page that has actions (the walk's page is rendered once for
  // everyone and has none: a post to it gets the page, and changes nothing).
  for (const id of ["deadbeef", "0".repeat(42), injection]) {
    const unknown = await request.post("/lost-link", {
      headers: { ...fromNewAddress(), "next-action": encodeURIComponent(id), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    await expectClean(unknown, [400, 404, 409]);
    await expectClean(await request.post("/", { headers: { ...fromNewAddress(), "next-action": encodeURIComponent(id), "content-type": "text/plain;charset=UTF-8" }, data: "[]" }), [200, 405]);
  }
});

test("lost-link, sign-in and the dev mailbox forms refuse bad input with field errors", async ({ request }) => {
  for (const [path, field] of [
    ["/lost-link", "email"],
    ["/login", "email"],
    ["/partner/login", "email"],
    ["/dev/mailbox", "to"],
  ] as const) {
    const fields = await actionFields(request, path);
    for (const value of ["", "not-an-email", injection, "a".repeat(100_000), oddUnicode]) {
      const body = await expectClean(await request.post(path, { multipart: { ...fields, [field]: value, password: value }, headers: fromNewAddress(), maxRedirects: 0 }), [200]);
      expect(body).not.toContain("<script>alert");
    }
  }
});

test("a forged, altered, old or replaced manage link answers 404 with a sentence on every manage page, registration or not", async ({ request }) => {
  // A registration of the run if there is one (the same answer must not tell whether it exists).
  const group = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; version: number }>(
      `SELECT "id", "manageTokenVersion" AS "version" FROM "RegistrationGroup" WHERE "erasedAt" IS NULL ORDER BY "createdAt" LIMIT 1`,
    );
    return rows[0] ?? { id: randomUUID(), version: 1 };
  });
  const secret = "e2e-secret-e2e-secret-e2e-secret-0123456"; // e2e/support/server.ts
  const inAYear = new Date(Date.now() + 365 * 86_400_000);
  const genuine = signManageToken(secret, { groupId: group.id, version: group.version, expiresAt: inAYear });
  const [groupId, version, expires, signature] = genuine.split(".") as [string, string, string, string];
  const tokens = {
    forged: "forged",
    "forged, well-formed": "00000000-0000-0000-0000-000000000000.1.9999999999.AAAA",
    "very long": "a".repeat(4000),
    emoji: "%F0%9F%98%80",
    "altered expiry": `${groupId}.${version}.${Number(expires) + 3600}.${signature}`,
    "altered signature": `${groupId}.${version}.${expires}.${signature.slice(0, -2)}AA`,
    "another group's signature": `${randomUUID()}.${version}.${expires}.${signature}`,
    old: signManageToken(secret, { groupId: group.id, version: group.version, expiresAt: new Date(Date.now() - 1000) }),
    replaced: signManageToken(secret, { groupId: group.id, version: group.version + 1, expiresAt: inAYear }),
    "no such registration": signManageToken(secret, { groupId: randomUUID(), version: 1, expiresAt: inAYear }),
  };
  for (const [kind, token] of Object.entries(tokens)) {
    for (const page of ["", "/data", "/data/delete?walker=all", "/cancel?walker=all", `/edit/${randomUUID()}`, "/edit/not-a-uuid", "/data/download"]) {
      const path = `/manage/${token}${page}`;
      const body = await expectClean(await request.get(path, { maxRedirects: 0 }), [404]);
      // The same sentence whether or not the link names a registration.
      expect(body, `${kind}: ${path}`).toContain("This link does not work");
      if (page !== "/data/download") expect(body, `${kind}: ${path}`).toContain("The link may be incomplete, out of date, or replaced by a newer one.");
    }
  }
});

test("forged manage tokens, odd paths and wrong methods get a 4xx or a plain page", async ({ request }) => {
  const paths = [
    "/booths?booth=%3Cscript%3E&page=-1",
    "/register?walkers=abc",
    "/register?walkers=1000000000",
    "/calendar.ics?x=%27%3B--",
    "/dev/mailbox/..%2F..%2Fetc%2Fpasswd",
    "/dev/mailbox/%3Cscript%3E",
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/csrf",
    "/api/auth/signin/unknown-provider",
    "/api/auth/callback/nodemailer?token=forged&email=a%40example.org",
    "/api/health?probe=%00",
  ];
  for (const path of paths) await expectClean(await request.get(path, { maxRedirects: 0 }), [200, 302, 303, 307, 400, 404]);

  for (const path of ["/manage/%F0%9F%98%80%00%C0", "/api/auth/%00%ff", "/register/%C0%AF"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toMatch(/not valid/);
  }

  for (const path of ["/api/health", "/calendar.ics"]) {
    await expectClean(await request.post(path, { data: { ok: true } }), [405]);
    await expectClean(await request.delete(path), [405]);
  }
  const forgedSignIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: "forged", email: "organiser@funwalk.local", password: injection },
    maxRedirects: 0,
  });
  await expectClean(forgedSignIn, [302, 303, 400]);
  const forgedLink = await request.post("/api/auth/signin/nodemailer", { form: { csrfToken: "forged", email: "partner@example.org" }, maxRedirects: 0 });
  await expectClean(forgedLink, [302, 303, 400]);
});

test("security headers are on pages, routes and refusals", async ({ request }) => {
  for (const path of ["/", "/register", "/booths", "/lost-link", "/login", "/partner/login", "/calendar.ics", "/api/health", "/api/auth/session", "/api/register/submit", "/register/submit", "/dev/mailbox", "/manage/forged", "/manage/%C0"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the database is unchanged by every hostile request", async () => {
  expect(await snapshot()).toEqual(before);
});
