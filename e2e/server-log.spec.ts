import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { withDatabase } from "./support/db";
import { e2e } from "./support/env";
import { rememberedPersonalValues } from "./support/personal-values";

// The last project of the run: everything the server wrote during the whole e2e run (the web
// server's and the email worker's every line, through LOG_FILE, and what `npm start` printed)
// holds no walker's, partner's or organiser's name, email address or phone. Walkers may be
// trafficking survivors: a log is read by more people, and kept longer, than the database.

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
}

test("no name, email address or phone number of anyone appears in the server's log", async () => {
  const log = [...lines(e2e.serverLogFile), ...lines(e2e.startLogFile)];
  // The log is there and has the server's own lines (so the check below reads something real).
  expect(log.some((line) => line.includes("Fun Walk is running at"))).toBe(true);
  expect(log.some((line) => line.startsWith("email worker:"))).toBe(true);

  const people = await withDatabase(async (client) => {
    const { rows } = await client.query<{ value: string | null }>(
      `SELECT "firstName" || ' ' || "lastName" AS value FROM "Walker" WHERE "erasedAt" IS NULL
       UNION SELECT "email" FROM "Walker" WHERE "erasedAt" IS NULL
       UNION SELECT "emergencyContactName" FROM "Walker" WHERE "erasedAt" IS NULL
       UNION SELECT "guardianName" FROM "Walker" WHERE "erasedAt" IS NULL
       UNION SELECT "contactEmail" FROM "RegistrationGroup" WHERE "erasedAt" IS NULL
       UNION SELECT "contactName" FROM "Organisation"
       UNION SELECT "phone" FROM "Organisation"
       UNION SELECT "email" FROM "User"`,
    );
    return rows.map((row) => row.value).filter((value): value is string => !!value && value.trim().length >= 5);
  });
  // And every name and address the specs typed, also of walkers whose data they deleted since.
  const typed = rememberedPersonalValues().filter((value) => value.trim().length >= 5);
  people.push(...typed);
  expect(people.length).toBeGreaterThan(3);
  // The organiser account `npm start` seeds is printed once, on purpose, with its one-time password.
  const seeded = log.find((line) => line.includes("Organiser sign-in:"))?.split("Organiser sign-in:")[1]?.trim();
  const found = people.filter((value) => value !== seeded && log.some((line) => line.includes(value)));
  expect(found, "personal data in the server's log").toEqual([]);
  // Every address the tests used (some were erased from the database since) is @example.org.
  const addresses = log.filter((line) => /[\w.+-]+@example\.org/i.test(line));
  expect(addresses, "email addresses in the server's log").toEqual([]);
  // Phone numbers as the tests type them.
  expect(log.filter((line) => /\+1 ?868 ?\d{3}/.test(line)), "phone numbers in the server's log").toEqual([]);
});
