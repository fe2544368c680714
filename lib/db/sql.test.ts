import { describe, expect, it } from "vitest";
import { sql, statement, type SqlPart } from "./sql";

describe("statement", () => {
  it("numbers each named parameter once, in the order it first appears, through nested parts", () => {
    const walk = (id: SqlPart) => sql`"eventId" = ${id}::uuid`;
    const query = statement<{ id: string; email: string; now: Date }>(
      "test",
      (p) => sql`SELECT 1 FROM "Walker" WHERE ${walk(p.id)} AND "email" = ${p.email} AND ${walk(p.id)} AND "at" < ${p.now}`,
    );
    expect(query.text).toBe(`SELECT 1 FROM "Walker" WHERE "eventId" = $1::uuid AND "email" = $2 AND "eventId" = $1::uuid AND "at" < $3`);
    const now = new Date();
    expect(query.values({ now, email: "a@example.org", id: "walk" })).toEqual(["walk", "a@example.org", now]);
    expect(query.name).toBe("test");
  });

  it("keeps a part without parameters as its text", () => {
    expect(statement<object>("plain", () => sql`SELECT ${sql`1`} + ${sql``}2`).text).toBe("SELECT 1 + 2");
  });
});
