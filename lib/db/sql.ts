// Plain SQL: on the app's pools for the hot paths where Prisma's per-query planning and mapping cost
// more than the database does (the public sign-up: docs/PERFORMANCE.md), and inside a Prisma
// transaction for statements Prisma cannot write (the outbox's; runIn).
//
// A statement is written as SQL with named parameters, and built from named parts:
//
//   const hit = (key: SqlPart, seconds: SqlPart) => sql`INSERT INTO "RateLimit" … VALUES (${key}, …)`;
//   const HIT = statement<{ key: string; seconds: number }, { count: number }>("funwalk_hit", (p) => hit(p.key, p.seconds));
//   const [row] = await run(pool(), HIT, { key, seconds: 600 });
//
// Only parts and parameters can go between the backticks (never a value: the types refuse it), so
// no SQL text is ever built from input. Each parameter becomes $1, $2 … in the order it first
// appears, the same name always the same number. A statement is built once, when its module loads,
// and prepared by name: each connection parses and plans it once, then only executes it.
import type pg from "pg";
import type { Prisma } from "../generated/prisma/client";

/** A Prisma transaction, for a statement that belongs to a change made with Prisma. */
export type Transaction = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

type Chunk = string | { param: string };

/** A piece of SQL: text and named parameters. */
export class SqlPart {
  constructor(readonly chunks: readonly Chunk[]) {}
}

/** SQL text with parts (and parameters) in it. */
export function sql(strings: TemplateStringsArray, ...parts: SqlPart[]): SqlPart {
  const chunks: Chunk[] = [strings[0]!];
  parts.forEach((part, i) => chunks.push(...part.chunks, strings[i + 1]!));
  return new SqlPart(chunks);
}

/** The parameters of a statement, as parts to put in its SQL. */
export type Params<P> = { readonly [K in keyof P]-?: SqlPart };

/** A statement with parameters P, answering rows R. */
export interface Statement<P, R = Record<string, unknown>> {
  /** Its prepared statement's name. */
  readonly name: string;
  /** The SQL PostgreSQL receives, with $1, $2 …. */
  readonly text: string;
  /** The values of `params` in the order of the text's $1, $2 …. */
  values(params: P): unknown[];
  /** Never set: carries the rows' type. */
  readonly rows?: R;
}

export function statement<P extends object, R extends object = Record<string, unknown>>(name: string, build: (p: Params<P>) => SqlPart): Statement<P, R> {
  const placeholders = new Proxy({} as Params<P>, { get: (_, key) => new SqlPart([{ param: String(key) }]) });
  const order: string[] = [];
  const text = build(placeholders)
    .chunks.map((chunk) => {
      if (typeof chunk === "string") return chunk;
      if (!order.includes(chunk.param)) order.push(chunk.param);
      return `$${order.indexOf(chunk.param) + 1}`;
    })
    .join("");
  return {
    name,
    text,
    values: (params) => order.map((key) => (params as Record<string, unknown>)[key]),
  };
}

/** Runs a statement (prepared by its name) with `params`; its rows. */
export async function run<P extends object, R extends object>(client: pg.Pool | pg.PoolClient, query: Statement<P, R>, params: P): Promise<R[]> {
  return (await client.query<R>({ name: query.name, text: query.text, values: query.values(params) })).rows;
}

/** Runs a statement inside a Prisma transaction (its parameters stay parameters); its rows. */
export function runIn<P extends object, R extends object>(tx: Transaction, query: Statement<P, R>, params: P): Promise<R[]> {
  return tx.$queryRawUnsafe<R[]>(query.text, ...query.values(params));
}
