// Organisers' view of the outbox (list, resend) and the sign-in link, on the run's database.
// No worker runs here, so rows stay as these functions leave them.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, type Actor } from "../auth/roles";
import { createActor } from "../../test/support/walkers";
import { db } from "../db";
import { sendMagicLink } from "./magic-link";
import { EmailNotFound, EmailNotResendable, resendEmail, sendTestMessage } from "./mutations";
import { getEmail, listEmails } from "./queries";
import { devMailboxDir } from "./dev-mailbox";

const run = randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${run}@example.org`;

let organiser: Actor;
beforeAll(async () => {
  organiser = await createActor(db);
});

it("refuses a partner: no list, no resend", async () => {
  const partner = await createActor(db, "PARTNER");
  await expect(listEmails(partner, {})).rejects.toThrow(Forbidden);
  await expect(resendEmail(partner, randomUUID())).rejects.toThrow(Forbidden);
});

afterAll(async () => {
  await db.emailOutbox.deleteMany({ where: { toAddress: { endsWith: `-${run}@example.org` } } });
});

describe("listEmails", () => {
  it("filters by recipient and status, pages newest first, and counts by status", async () => {
    const to = address("list");
    for (let i = 0; i < 5; i++) await sendTestMessage({ to, language: "EN", note: `n${i}` });
    const failed = (await listEmails(organiser, { to })).items.at(-1)!; // the oldest, in the list's own order
    await db.emailOutbox.update({ where: { id: failed.id }, data: { status: "FAILED", attempts: 1, lastError: "550 Mailbox <recipient> does not exist" } });

    const first = await listEmails(organiser, { to: to.toUpperCase(), pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(first.items[1]!.createdAt.getTime());
    const third = await listEmails(organiser, { to, pageSize: 2, page: 3 });
    expect(third.items.map((i) => i.id)).toEqual([failed.id]);

    const onlyFailed = await listEmails(organiser, { to, status: "FAILED" });
    expect(onlyFailed.items).toEqual([
      expect.objectContaining({ id: failed.id, status: "FAILED", attempts: 1, lastError: "550 Mailbox <recipient> does not exist", template: "test-message" }),
    ]);
    expect(onlyFailed.counts.FAILED).toBeGreaterThanOrEqual(1);
    expect(onlyFailed.counts.QUEUED).toBeGreaterThanOrEqual(4);
  });

  it("refuses nonsense filters with a zod error", async () => {
    await expect(listEmails(organiser, { status: "LOST" as never })).rejects.toThrow();
    await expect(listEmails(organiser, { page: 0 })).rejects.toThrow();
  });
});

describe("resendEmail", () => {
  it("queues a copy with a new idempotency key and leaves the original's history alone", async () => {
    const to = address("resend");
    await sendTestMessage({ to, language: "ES", note: "original" });
    const original = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: to } });
    await db.emailOutbox.update({ where: { id: original.id }, data: { status: "FAILED", attempts: 3, lastError: "timeout" } });

    const copy = await resendEmail(organiser, original.id);
    const row = await getEmail(copy.id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null, toAddress: to, language: "ES", template: "test-message" });
    expect(row!.idempotencyKey).toMatch(new RegExp(`^${original.idempotencyKey}#resend:[0-9a-f-]{36}$`));
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: copy.id } })).payload).toEqual({ note: "original" });
    expect(await getEmail(original.id)).toMatchObject({ status: "FAILED", attempts: 3 });
  });

  it("says when the email does not exist, or held a one-time sign-in link", async () => {
    await expect(resendEmail(organiser, randomUUID())).rejects.toThrow(EmailNotFound);
    await sendMagicLink({ to: address("magic"), url: `http://localhost:3000/api/auth/callback/nodemailer?token=${run}` });
    const magic = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: address("magic") } });
    await expect(resendEmail(organiser, magic.id)).rejects.toThrow(EmailNotResendable);
  });
});

describe("sendMagicLink", () => {
  it("queues the link once per link, keyed by its hash (the link itself stays out of the key)", async () => {
    const to = address("signin");
    const url = `http://localhost:3000/api/auth/callback/nodemailer?token=t-${run}`;
    await sendMagicLink({ to, url, expires: new Date(Date.now() + 24 * 3_600_000), language: "ES" });
    await sendMagicLink({ to, url });
    const rows = await db.emailOutbox.findMany({ where: { toAddress: to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      template: "magic-link",
      language: "ES",
      status: "QUEUED",
      payload: { url, expiresInMinutes: 1440 },
      idempotencyKey: `magic-link:${createHash("sha256").update(url).digest("base64url")}`,
    });
    expect(rows[0]!.idempotencyKey).not.toContain(run);
  });
});

describe("devMailboxDir", () => {
  it("exists only with a mailbox folder and an SMTP server on this machine", () => {
    expect(devMailboxDir({ DEV_MAILBOX_DIR: "/tmp/m", SMTP_URL: "smtp://127.0.0.1:2525" })).toBe("/tmp/m");
    expect(devMailboxDir({ DEV_MAILBOX_DIR: "/tmp/m", SMTP_URL: "smtp://localhost:2525" })).toBe("/tmp/m");
    expect(devMailboxDir({ DEV_MAILBOX_DIR: "/tmp/m", SMTP_URL: "smtps://u:p@smtp.example.org:465" })).toBeNull();
    expect(devMailboxDir({ SMTP_URL: "smtp://127.0.0.1:2525" })).toBeNull();
    expect(devMailboxDir({ DEV_MAILBOX_DIR: "/tmp/m" })).toBeNull();
  });
});
