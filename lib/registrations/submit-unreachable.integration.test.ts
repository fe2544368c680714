// A sign-up while the database cannot be reached: the visitor gets the form back with everything
// typed and a sentence, never an error page that loses the form. This file's modules use a server
// address where nothing listens (a real refused connection), so nothing else shares them.
import { beforeAll, expect, it } from "vitest";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";

process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/funwalk_nowhere";

let submitRegistration: typeof import("./submit").submitRegistration;
beforeAll(async () => {
  ({ submitRegistration } = await import("./submit"));
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const typed = {
  submissionKey: "unreachable-0123456789",
  waiverVersion: "2026-1",
  privacyVersion: PRIVACY_NOTICE_VERSION,
  "walkers.0.firstName": "Ana",
  "walkers.0.lastName": "Sin Conexión",
  contactEmail: "ana@example.org",
  "walkers.0.ageBand": "AGE_35_54",
  "walkers.0.emergencyContactName": "Someone Else",
  "walkers.0.emergencyContactPhone": "6201234",
  language: "ES",
  waiverAccepted: "on",
  privacyAccepted: "on",
};

it("gives a valid form back with everything typed and a sentence", async () => {
  const result = await submitRegistration(form(typed), new Headers({ "x-forwarded-for": "203.0.113.7" }));
  expect(result).toEqual({ ok: false, state: { message: "unexpected", values: typed } });
});

it("gives an invalid form back the same way (its errors wait for the database's rate limit)", async () => {
  const partial = { ...typed, "walkers.0.lastName": "" };
  const result = await submitRegistration(form(partial), new Headers({ "x-forwarded-for": "203.0.113.8" }));
  expect(result).toEqual({ ok: false, state: { message: "unexpected", values: partial } });
});
