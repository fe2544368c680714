// One prepared statement, run for many callers in one transaction: one commit, and the statements
// written together (docs/decisions/005-sign-ups-batched-on-one-connection.md).
//
// The sign-up statement is sent on a pool of one connection (lib/db/pool.ts: signUpPool), so under
// load sign-ups wait in line for it. Each statement alone costs the database a commit that waits
// for the disk, and the app a round trip. Instead, everything waiting when the connection comes
// free is sent as BEGIN, one execution per caller, COMMIT, written without waiting for the answers
// in between (pg's pipeline mode, which the pool turns on: createPool's `pipeline`). PostgreSQL runs
// them in order, each seeing the ones before it. A batch is all or nothing: when any statement of it
// fails, the transaction keeps nothing and each caller's statement is sent again on its own, exactly
// as it would have been without batching. A statement that must be safe to send twice (the
// connection can drop after the commit, before the answer) must say so itself: the sign-up's does,
// through its submission key. With one caller waiting, it is the statement alone.
import type pg from "pg";
import { DEFAULT_SIGN_UP_BATCH_SIZE } from "../env-schema";
import type { Statement } from "./sql";

/** Whether `error` means the connection is gone (anything but a statement's error from PostgreSQL). */
function connectionLost(error: unknown): boolean {
  if (error === undefined) return false;
  const severity = (error as { severity?: string }).severity;
  return severity === undefined || severity === "FATAL" || severity === "PANIC";
}

interface Waiting<P, R> {
  params: P;
  resolve: (row: R | undefined) => void;
  reject: (error: unknown) => void;
  /** Gives up on a caller still waiting after the pool's connectionTimeoutMillis. */
  timer?: NodeJS.Timeout;
}

/**
 * Runs `statement` with each caller's parameters, batching the callers that wait for a connection
 * of `pool` (at most `maxBatch` in one transaction). Each caller gets its own first row, or its own error.
 */
export class StatementBatcher<P extends object, R extends object> {
  private readonly waiting: Waiting<P, R>[] = [];
  private running = 0;

  constructor(
    /** A pool made with `pipeline: true` (lib/db/pool.ts: createPool). */
    private readonly pool: () => pg.Pool,
    private readonly statement: Statement<P, R>,
    private readonly maxBatch = DEFAULT_SIGN_UP_BATCH_SIZE,
  ) {}

  /**
   * The statement's first row for `params` (undefined when it returned none). A caller that waits
   * longer than the pool would wait for a connection (`connectionTimeoutMillis`) is refused, as
   * pg.Pool#query refuses it, and its statement is never sent.
   */
  run(params: P): Promise<R | undefined> {
    return new Promise((resolve, reject) => {
      const item: Waiting<P, R> = { params, resolve, reject };
      const patience = this.pool().options.connectionTimeoutMillis;
      if (patience) {
        item.timer = setTimeout(() => {
          const at = this.waiting.indexOf(item);
          if (at === -1) return;
          this.waiting.splice(at, 1);
          reject(new Error("timeout exceeded when waiting for the database"));
        }, patience);
        item.timer.unref();
      }
      this.waiting.push(item);
      this.pump();
    });
  }

  private pump(): void {
    const connections = this.pool().options.max ?? 1;
    while (this.waiting.length > 0 && this.running < connections) {
      const batch = this.waiting.splice(0, this.maxBatch);
      for (const item of batch) clearTimeout(item.timer);
      this.running++;
      void this.send(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async send(batch: Waiting<P, R>[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let rows: (R | undefined)[] | undefined;
    try {
      const client = await this.pool().connect();
      let failure: unknown;
      // A connection lost while checked out is also an 'error' event of the client (its queries
      // fail too, and are answered below): without a listener it would end the process.
      const lost = (error: Error) => void (failure ??= error);
      client.on("error", lost);
      try {
        rows = await this.inOneTransaction(client, batch);
      } catch (error) {
        failure ??= error;
      } finally {
        client.off("error", lost);
        // A statement's error leaves the connection usable; a lost or closed connection is dropped.
        client.release(connectionLost(failure) ? (failure as Error) : undefined);
      }
    } catch {
      rows = undefined;
    }
    if (rows) batch.forEach((item, i) => item.resolve(rows[i]));
    // The batch failed and kept nothing: its callers go one at a time, in order.
    else for (const item of batch) await this.alone(item);
  }

  private async inOneTransaction(client: pg.PoolClient, batch: Waiting<P, R>[]): Promise<(R | undefined)[]> {
    if (!client.pipeline) throw new Error("a batch needs a pool made with pipeline: true");
    const { name, text } = this.statement;
    // In pipeline mode each query is written at once, without waiting for the answer before it.
    const sent = [
      client.query("BEGIN"),
      ...batch.map((item) => client.query<R>({ name, text, values: this.statement.values(item.params) })),
      // After a failed statement PostgreSQL answers the rest with an error, and this COMMIT rolls back.
      client.query("COMMIT"),
    ];
    const answers = await Promise.allSettled(sent);
    const failed = answers.find((answer) => answer.status === "rejected");
    if (failed) throw failed.reason;
    return answers.slice(1, -1).map((answer) => (answer as PromiseFulfilledResult<pg.QueryResult<R>>).value.rows[0]);
  }

  private async alone(item: Waiting<P, R>): Promise<void> {
    const { name, text } = this.statement;
    try {
      const { rows } = await this.pool().query<R>({ name, text, values: this.statement.values(item.params) });
      item.resolve(rows[0]);
    } catch (error) {
      item.reject(error);
    }
  }
}
