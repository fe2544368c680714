import { expect, it } from "vitest";
import { db } from "../db";
import { createTestEvent } from "../../test/support/walkers";
import { seed } from "./seed";
import { funWalkEvent } from "./seed-data";

it("creates the upcoming walk once, whatever other walks exist, and is safe to run twice at once", async () => {
  await createTestEvent(db); // another walk in the calendar must not stop the seed
  const results = await Promise.all([seed(db), seed(db)]);
  const slug = funWalkEvent(new Date()).slug;
  expect(results.map((r) => r.eventSlug)).toEqual([slug, slug]);
  const event = await db.event.findUniqueOrThrow({ where: { slug }, include: { booths: true, boothAddons: true, programme: true } });
  expect(event.booths).toHaveLength(24);
  expect(event.boothAddons).toHaveLength(3);
  expect(event.programme).toHaveLength(4);
  expect((await seed(db)).eventCreated).toBe(false);
  expect(await db.user.count({ where: { role: { in: ["ORGANISER", "ADMIN"] }, email: "organiser@funwalk.local" } })).toBeLessThanOrEqual(1);
});
