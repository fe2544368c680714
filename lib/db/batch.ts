// One prepared statement, run for many callers in one round trip and one commit.
//
// The sign-up statement is sent on a pool of one connection (lib/db/pool.ts: signUpPool), so under
// load sign-ups wait in line for it. Each statement cost the app a socket write and read, and the
// database a commit that waits for the disk. Instead, everything waiting when the connection comes
// free goes in one message: a Bind and an Execute per caller, then a single Sync. PostgreSQL runs
// the statements in order, each seeing the ones before it, as one implicit transaction that
// commits at the Sync (the extended query protocol; no BEGIN or COMMIT round trips). So a batch is
// all or nothing: when any statement of it fails, none of it is kept, and each caller's statement
// is sent again on its own, exactly as it would have been without batching. A statement that must
// be safe to send twice (the connection can drop after the commit, before the answer) must say so
// itself: the sign-up's does, through its submission key. With one caller waiting, it is a plain
// prepared statement, as before.
//
// Parameters stay parameters (never SQL text built from input), and the statement stays one named
// prepared statement per connection, shared with the plain path (pg's own bookkeeping of which
// statements a connection has parsed is used, so either path may parse it first).
import pg from "pg";
import { DEFAULT_SIGN_UP_BATCH_SIZE } from "../env-schema";

type Row = Record<string, unknown>;

/** The part of pg's connection a batch writes to (pg's own Query uses the same calls). */
interface WireConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
  parse(message: { text: string; name: string; types: number[] }): void;
  bind(message: { statement: string; values: unknown[]; valueMapper: (value: unknown, index: number) => unknown }): void;
  describe(message: { type: "P"; name: string }): void;
  execute(message: { portal: string }): void;
  sync(): void;
}

interface FieldDescription {
  name: string;
  dataTypeID: number;
  format: string;
}

// pg turns JavaScript values into parameters with this function (Dates, arrays, booleans …); a
// batch uses the same one, so its parameters are sent exactly as pg.Pool#query would send them.
const prepareValue = (pg as unknown as { utils: { prepareValue: (value: unknown, seen?: unknown) => unknown } }).utils.prepareValue;

/**
 * pg's query interface for one message holding many executions of a named prepared statement
 * (pg calls `submit` when the connection is free, then hands over the answer message by message).
 */
class BatchedExecution implements pg.Submittable {
  /** pg reads these to record the statement as parsed on this connection. */
  readonly name: string;
  readonly text: string;
  /** One array of rows per execution that completed, in order. */
  private readonly results: Row[][] = [];
  private rows: Row[] | undefined;
  private parsers: { name: string; parse: (value: string) => unknown }[] = [];
  private done = false;
  private error: unknown;
  readonly finished: Promise<Row[][]>;
  private settle!: (error: unknown, results?: Row[][]) => void;

  constructor(
    name: string,
    text: string,
    private readonly valueSets: unknown[][],
  ) {
    this.name = name;
    this.text = text;
    this.finished = new Promise((resolve, reject) => {
      this.settle = (error, results) => {
        if (this.done) return;
        this.done = true;
        if (results) resolve(results);
        else reject(error);
      };
    });
  }

  submit(wire: pg.Connection): void {
    const connection = wire as unknown as WireConnection;
    connection.stream.cork?.();
    try {
      if (connection.parsedStatements[this.name] === undefined && connection.submittedNamedStatements[this.name] === undefined) {
        connection.parse({ text: this.text, name: this.name, types: [] });
        connection.submittedNamedStatements[this.name] = this.text;
      }
      this.valueSets.forEach((values, i) => {
        connection.bind({ statement: this.name, values, valueMapper: prepareValue });
        // The columns are the same for every execution of the statement: described once, for
        // the first, and the rows of the others are read with the same column parsers.
        if (i === 0) connection.describe({ type: "P", name: "" });
        connection.execute({ portal: "" });
      });
    } catch (error) {
      // A parameter pg could not convert: the executions already written run and commit at the
      // Sync; the callers after them are sent again on their own (and get the error themselves).
      this.error = error;
    } finally {
      connection.sync();
      connection.stream.uncork?.();
    }
  }

  /** Once per batch, before the first execution's rows (see submit). */
  handleRowDescription(message: { fields: FieldDescription[] }): void {
    this.parsers = message.fields.map((field) => ({ name: field.name, parse: pg.types.getTypeParser(field.dataTypeID, "text") }));
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const row: Row = {};
    message.fields.forEach((value, i) => (row[this.parsers[i]!.name] = value === null ? null : this.parsers[i]!.parse(value)));
    (this.rows ??= []).push(row);
  }

  handleCommandComplete(): void {
    this.results.push(this.rows ?? []);
    this.rows = undefined;
  }

  handleEmptyQuery(): void {
    this.results.push([]);
  }

  /**
   * An error from PostgreSQL (it skips the rest until the Sync and undoes the whole batch), or the
   * connection failing. pg stops passing this batch the answer after an error, so it ends here.
   */
  handleError(error: unknown): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    if (this.error !== undefined && this.results.length === 0) this.settle(this.error);
    else this.settle(undefined, this.results);
  }

  // Never sent by these statements; pg's interface has them.
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
}

/** Whether `error` means the connection is gone (anything but a statement's error from PostgreSQL). */
function connectionLost(error: unknown): boolean {
  if (error === undefined) return false;
  if (!(error instanceof pg.DatabaseError)) return true;
  return error.severity === "FATAL" || error.severity === "PANIC";
}

interface Waiting {
  values: unknown[];
  resolve: (row: Row | undefined) => void;
  reject: (error: unknown) => void;
  /** Gives up on a caller still waiting after the pool's connectionTimeoutMillis. */
  timer?: NodeJS.Timeout;
}

/**
 * Runs `text` (prepared as `name`) with each caller's values, batching the callers that wait for a
 * connection of `pool` (at most `maxBatch` in one message). Each caller gets its own first row,
 * or its own error.
 */
export class StatementBatcher {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly name: string,
    private readonly text: string,
    private readonly maxBatch = DEFAULT_SIGN_UP_BATCH_SIZE,
  ) {}

  /**
   * The statement's first row for `values` (undefined when it returned none). A caller that waits
   * longer than the pool would wait for a connection (`connectionTimeoutMillis`) is refused, as
   * pg.Pool#query refuses it, and its statement is never sent.
   */
  run<R extends object>(values: unknown[]): Promise<R | undefined> {
    return new Promise<Row | undefined>((resolve, reject) => {
      const item: Waiting = { values, resolve, reject };
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
    }) as Promise<R | undefined>;
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

  private async send(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let results: Row[][] | undefined;
    try {
      const client = await this.pool().connect();
      let failure: unknown;
      try {
        const execution = new BatchedExecution(this.name, this.text, batch.map((item) => item.values));
        void client.query(execution);
        results = await execution.finished;
      } catch (error) {
        failure = error;
      } finally {
        // A statement's error leaves the connection usable; a lost or closed connection is dropped.
        client.release(connectionLost(failure) ? (failure as Error) : undefined);
      }
    } catch {
      results = undefined;
    }
    const answered = results ?? [];
    for (let i = 0; i < answered.length; i++) batch[i]!.resolve(answered[i]![0]);
    // The batch failed (and kept nothing), or stopped early: the rest go one at a time, in order.
    for (const item of batch.slice(answered.length)) await this.alone(item);
  }

  private async alone(item: Waiting): Promise<void> {
    try {
      const { rows } = await this.pool().query<Row>({ text: this.text, values: item.values, name: this.name });
      item.resolve(rows[0]);
    } catch (error) {
      item.reject(error);
    }
  }
}
