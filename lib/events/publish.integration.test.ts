// Publishing an edition: it becomes the current walk, the one before it past; one published at a time.
import { describe, expect, it, vi } from "vitest";
import { createActor } from "../../test/support/walkers";
import { createTestEvent, publishTestEvent } from "../../test/support/events";

// Publishing changes which walk is current for everyone: in a database of the file's own.
await vi.hoisted(async () => (await import("../../test/support/own-database")).useOwnDatabase("publish"));
const { db } = await import("../db");
const { currentWalkId } = await import("./current");
const { publishEdition, PublishRefused } = await import("./editions");


/** A published walk that is over (or still to come), and a draft for later. */
async function walks(options: { currentEndsInDays: number }) {
  const current = await createTestEvent(db, { capacity: 5, endsInDays: options.currentEndsInDays });
  await publishTestEvent(db, current.id);
  const draft = await createTestEvent(db, { capacity: 5, endsInDays: 400 });
  return { current, draft };
}

describe("publishing an edition", () => {
  it("makes a draft the current walk and the walk before it past, with an audit entry", async () => {
    const organiser = await createActor(db);
    const { current, draft } = await walks({ currentEndsInDays: -10 });
    await publishEdition(organiser, draft.id);
    expect(await currentWalkId(db)).toBe(draft.id);
    expect(await db.event.findUniqueOrThrow({ where: { id: current.id }, select: { status: true, publishedSlot: true } })).toEqual({ status: "PAST", publishedSlot: null });
    expect(await db.auditLog.findFirst({ where: { action: "edition.publish", entityId: draft.id }, select: { actorId: true, before: true } })).toEqual({
      actorId: organiser.userId,
      before: { published: current.id },
    });
  });

  it("refuses while the published walk is still to come, a text missing in Spanish, and a walk already over", async () => {
    const organiser = await createActor(db);
    const upcoming = await walks({ currentEndsInDays: 30 });
    await expect(publishEdition(organiser, upcoming.draft.id)).rejects.toMatchObject({ reason: "currentStillToCome" });

    const { current, draft } = await walks({ currentEndsInDays: -10 });
    await db.event.update({ where: { id: draft.id }, data: { nameEs: " " } });
    const refused = await publishEdition(organiser, draft.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PublishRefused);
    expect(refused).toMatchObject({ reason: "incomplete", detail: { missing: [{ field: "name", language: "es" }] } });

    const over = await createTestEvent(db, { capacity: 5, endsInDays: -1 });
    await expect(publishEdition(organiser, over.id, new Date(Date.now()))).rejects.toMatchObject({ reason: "alreadyOver" });
    expect(await currentWalkId(db)).toBe(current.id);
  });

  it("lets exactly one of two drafts published at the same moment through", async () => {
    const organiser = await createActor(db);
    const { current } = await walks({ currentEndsInDays: -10 });
    const first = await createTestEvent(db, { capacity: 5, endsInDays: 500 });
    const second = await createTestEvent(db, { capacity: 5, endsInDays: 600 });
    const results = await Promise.allSettled([publishEdition(organiser, first.id), publishEdition(organiser, second.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(PublishRefused);
    expect(await db.event.count({ where: { status: "PUBLISHED" } })).toBe(1);
    expect([first.id, second.id]).toContain(await currentWalkId(db));
    expect((await db.event.findUniqueOrThrow({ where: { id: current.id } })).status).toBe("PAST");
  });
});
