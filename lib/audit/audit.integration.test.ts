import type { Actor } from "../auth/roles";
import { beforeAll, expect, it } from "vitest";
import { db } from "../db";
import { createActor } from "../../test/support/walkers";
import { writeAudit } from "./log";
import { listAuditEntries } from "./queries";

let actor: Actor;
beforeAll(async () => {
  actor = await createActor(db);
});

it("lists entries newest first with who, what and before → after, filtered and paged", async () => {
  const organiser = await db.user.create({ data: { email: `audit-${Date.now()}@example.org`, role: "ORGANISER", name: "Org" } });
  const marker = `test.audit.${Date.now()}`;
  for (let i = 0; i < 3; i++) {
    await db.$transaction((tx) =>
      writeAudit(tx, { actorId: organiser.id, action: `${marker}.${i}`, entityType: "Event", entityId: "e1", before: { capacity: 800 + i }, after: { capacity: 801 + i } }),
    );
  }
  const first = await listAuditEntries(actor, { action: marker }, 2);
  expect(first.entries.map((e) => e.action)).toEqual([`${marker}.2`, `${marker}.1`]);
  expect(first.entries[0]).toMatchObject({ entityType: "Event", before: { capacity: 802 }, after: { capacity: 803 }, actor: { email: organiser.email } });
  const second = await listAuditEntries(actor, { action: marker, before: first.nextBefore! }, 2);
  expect(second.entries.map((e) => e.action)).toEqual([`${marker}.0`]);
  expect(second.nextBefore).toBeNull();
  expect((await listAuditEntries(actor, { action: marker, actor: "nobody@example.org" })).entries).toHaveLength(0);
});
