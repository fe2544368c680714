// The sign-up statements are prepared by name, so each pooled connection plans them once, often
// when the tables are still empty; PostgreSQL then keeps that generic plan. On an empty table every
// index on "eventId" looks alike, and one that does not lead with ("eventId", "status") would make
// "is anyone waiting?" read every walker of the walk, on every sign-up (seen: sign-ups halved by an
// added index). This checks, on a freshly migrated database, that the generic plans answer the
// waiting-list lookups from an index condition on the status, not by filtering the walk's walkers.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { REGISTER, registerParams, SIGN_UP, type RegisterParams } from "./sign-up-sql";

let server: TestServer;
let database: { name: string; url: string };
let client: pg.Client;

beforeAll(async () => {
  server = await findTestServer();
  database = await createMigratedDatabase(server, "plans");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("SET plan_cache_mode = force_generic_plan");
});

afterAll(async () => {
  await client?.end();
  if (database) await dropDatabase(server, database.name);
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode, relation: string): PlanNode[] {
  const own = node["Relation Name"] === relation && /Scan/.test(node["Node Type"]) ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => scansOf(child, relation))];
}

/** A parameter as an SQL literal (EXECUTE takes its arguments as SQL). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
}

async function genericPlan(name: string, sql: string, values: unknown[]): Promise<PlanNode> {
  await client.query(`PREPARE ${name} AS ${sql}`);
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${values.map(literal).join(", ")})`,
  );
  return rows[0]!["QUERY PLAN"][0].Plan;
}

function params(): RegisterParams {
  const eventId = randomUUID();
  return registerParams({
    eventId,
    groupId: randomUUID(),
    contactEmail: "plan@example.org",
    language: "EN",
    submissionKey: "plan-check-key",
    waiverVersion: "v1",
    privacyVersion: "v1",
    now: new Date(),
    joinWaitingList: true,
    walkers: [
      {
        isGroupLeader: true, firstName: "Plan", lastName: "Check", email: "plan@example.org", phone: null, ageBand: "AGE_35_54", tshirtSize: null,
        emergencyContactName: "Someone", emergencyContactPhone: "+18686201234", accessibilityNeeds: null, photoConsent: false,
        guardianName: null, guardianConsent: false, activePersonKey: `${eventId}|plan`, ticketCode: "PLANCHECK1",
      },
    ],
    emails: [{ idempotencyKey: "plan-check", template: "registration-confirmed", to: "plan@example.org", language: "EN", payload: { tickets: [] } }],
    channel: "email_outbox",
  });
}

describe("the sign-up statements' generic plans", () => {
  it.each([
    ["register", REGISTER.text, () => REGISTER.values(params())],
    ["sign_up", SIGN_UP.text, () => SIGN_UP.values({ ...params(), limitKey: "register:plan", limitWindowSeconds: 600, limit: 30, fingerprint: "digest" })],
  ])("%s: every lookup of waiting walkers is an index condition on the status", async (name, sql, values) => {
    const scans = scansOf(await genericPlan(`plan_${name}`, sql, values()), "Walker");
    // Two lookups: nobody waiting (to take places), and the queue position.
    expect(scans).toHaveLength(2);
    for (const scan of scans) {
      expect(scan["Index Cond"] ?? "", JSON.stringify(scan)).toMatch(/status = 'WAITING'/);
      expect(scan.Filter ?? "").not.toMatch(/status/);
    }
  });
});
