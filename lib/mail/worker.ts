// The email delivery worker: takes due rows from the outbox, renders and sends them through one
// reused SMTP transport, and records the outcome. Safe with many workers and app instances at once:
//   - a row is claimed by one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED), which sets
//     status SENDING, counts the attempt and takes a lease (lockedUntil). Concurrent claims skip
//     locked rows and re-check the predicate, so no two workers hold the same row;
//   - the outcome is written only while the claim is still ours (same attempt number, still
//     SENDING), so a worker whose lease ran out cannot overwrite a newer attempt;
//   - a worker that dies mid-send leaves a SENDING row whose lease expires; it is then retried
//     (or failed once out of attempts). Each message carries a stable Message-ID and an
//     X-Funwalk-Message-Id header with its idempotency key, so even that rare resend is recognisable.
// Wake-ups: LISTEN on the outbox channel (enqueueEmails notifies at commit) plus a polling fallback.
// Yielding to walkers: those notifications also say that sign-ups are arriving right now. While
// they do (one in the last BUSY_WINDOW_MS), the worker delivers at most `busyRatePerSecond`
// messages a second, so a rush's sign-ups get the machine's cores; a quiet queue is sent at full
// speed, and the first message after a quiet spell goes out at once (decision 009).
// This module does not import "server-only": the app (instrumentation.ts), `npm run worker` and the
// tests all run it.
import pg from "pg";
import { renderEmail } from "../../emails/render";
import { secretPayloadTemplates } from "../../emails/index";
import type { EmailContext, EmailLanguage, RenderedEmail } from "../../emails/types";
import { DEFAULT_EMAIL_BUSY_RATE } from "../env-schema";
import { venueIn } from "../events/content-rules";
import { findCurrentWalk } from "../events/current";
import { reportingSelect, reportingView } from "../events/reporting-view";
import type { PrismaClient } from "../generated/prisma/client";
import {
  classifyFailure,
  defaultBackoff,
  redactAddresses,
  retryDelayMs,
  type BackoffSettings,
  type DeliveryFailure,
} from "./delivery-policy";
import { ERASED_ON_SEND_TEMPLATES } from "../privacy/erase";
import { OUTBOX_CHANNEL } from "./outbox";
import { createSmtpTransport, senderDomain, type SmtpTransport } from "./transport";

export const MESSAGE_ID_HEADER = "X-Funwalk-Message-Id";
/** How long after the last outbox notification sign-ups count as still arriving. */
export const BUSY_WINDOW_MS = 2_000;

export interface EmailWorkerOptions {
  db: PrismaClient;
  /** For the LISTEN connection (a dedicated client, outside the pool). */
  databaseUrl: string;
  smtpUrl: string;
  mailFrom: string;
  appUrl: string;
  maxAttempts?: number;
  batchSize?: number;
  /** Longest wait between two looks at the queue when no notification arrives. */
  pollIntervalMs?: number;
  /** How long a claim lasts before another worker may take the row over. */
  leaseMs?: number;
  backoff?: BackoffSettings;
  /** Most messages a second while sign-ups are arriving (0: no limit). */
  busyRatePerSecond?: number;
  /** One line per event; never given personal data. */
  log?: (line: string) => void;
}

interface ClaimedRow {
  id: string;
  idempotencyKey: string;
  template: string;
  toAddress: string;
  language: EmailLanguage;
  payload: unknown;
  attempts: number;
}

type Outcome = "sent" | "retry" | "failed" | "lost";

export class EmailWorker {
  private readonly db: PrismaClient;
  private readonly options: Required<Omit<EmailWorkerOptions, "db" | "log">> & { log: (line: string) => void };
  private transport: SmtpTransport | undefined;
  private running = false;
  private loopDone: Promise<void> | undefined;
  private listenDone: Promise<void> | undefined;
  private listener: pg.Client | undefined;
  private wakeRequested = false;
  private wakeUp: (() => void) | undefined;
  private endRest: (() => void) | undefined;
  private lastNotificationAt = Number.NEGATIVE_INFINITY;
  private eventCache: { at: number; byLanguage: Map<EmailLanguage, EmailContext["event"]> } | undefined;
  /** Counts since start, for logs and tests. */
  readonly stats = { sent: 0, retried: 0, failed: 0 };

  constructor(options: EmailWorkerOptions) {
    this.db = options.db;
    this.options = {
      databaseUrl: options.databaseUrl,
      smtpUrl: options.smtpUrl,
      mailFrom: options.mailFrom,
      appUrl: options.appUrl,
      maxAttempts: options.maxAttempts ?? 8,
      batchSize: options.batchSize ?? 10,
      pollIntervalMs: options.pollIntervalMs ?? 5_000,
      leaseMs: options.leaseMs ?? 120_000,
      backoff: options.backoff ?? defaultBackoff,
      busyRatePerSecond: options.busyRatePerSecond ?? DEFAULT_EMAIL_BUSY_RATE,
      log: options.log ?? (() => undefined),
    };
  }

  private smtp(): SmtpTransport {
    this.transport ??= createSmtpTransport(this.options.smtpUrl);
    return this.transport;
  }

  /** Starts listening and delivering in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.listenDone = this.listenLoop();
    this.loopDone = this.deliveryLoop();
  }

  /** Stops taking new rows, waits for messages in flight, and closes connections. */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.wake();
      this.endRest?.();
      await this.listener?.end().catch(() => undefined);
      await Promise.all([this.loopDone, this.listenDone]);
    }
    this.transport?.close();
    this.transport = undefined;
  }

  /** Asks the loop to look at the queue now. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private async deliveryLoop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let claimed = 0;
      let nextDueInMs: number | null = null;
      const startedAt = Date.now();
      try {
        claimed = await this.runOnce();
        if (claimed < this.options.batchSize) nextDueInMs = await this.msUntilNextDue();
      } catch (error) {
        // Usually the database is unreachable: wait for the next poll, then try again.
        this.options.log(`email worker: could not read the outbox (${(error as Error).message.split("\n")[0]})`);
      }
      if (!this.running) break;
      if (claimed > 0) await this.yieldToSignUps(claimed, startedAt);
      if (!this.running) break;
      if (claimed >= this.options.batchSize) continue; // more rows are probably due
      const wait = Math.max(0, Math.min(this.options.pollIntervalMs, nextDueInMs ?? this.options.pollIntervalMs));
      await this.sleep(wait);
    }
  }

  /** Whether sign-ups are arriving now: an outbox notification came in the last BUSY_WINDOW_MS. */
  signUpsArriving(now = Date.now()): boolean {
    return now - this.lastNotificationAt < BUSY_WINDOW_MS;
  }

  /**
   * While sign-ups arrive, rests after a batch until it has taken `claimed / busyRatePerSecond`
   * seconds. New notifications do not cut the rest short (they are what it makes room for); stop() does.
   */
  private async yieldToSignUps(claimed: number, startedAt: number): Promise<void> {
    const rate = this.options.busyRatePerSecond;
    if (rate <= 0 || !this.signUpsArriving()) return;
    const rest = (claimed * 1000) / rate - (Date.now() - startedAt);
    if (rest <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, rest);
      this.endRest = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    this.endRest = undefined;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
    });
  }

  /** A dedicated connection LISTENing on the outbox channel; reconnects after a database restart. */
  private async listenLoop(): Promise<void> {
    while (this.running) {
      const client = new pg.Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 5_000 });
      const closed = new Promise<void>((resolve) => {
        client.on("error", () => resolve());
        client.on("end", () => resolve());
      });
      try {
        await client.connect();
        client.on("notification", () => {
          this.lastNotificationAt = Date.now();
          this.wake();
        });
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.listener = client;
        this.wake(); // rows committed while we were not listening
        await closed;
      } catch {
        // The database is not reachable; polling carries on, and we try again shortly.
      } finally {
        this.listener = undefined;
        await client.end().catch(() => undefined);
      }
      if (this.running) await new Promise<void>((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private async msUntilNextDue(): Promise<number | null> {
    const rows = await this.db.$queryRaw<{ due: Date | null }[]>`
      SELECT min(CASE WHEN status = 'QUEUED' THEN "nextAttemptAt" ELSE "lockedUntil" END) AS due
      FROM "EmailOutbox" WHERE status IN ('QUEUED', 'SENDING')`;
    const due = rows[0]?.due;
    return due ? Math.max(0, due.getTime() - Date.now()) : null;
  }

  /** Claims one batch of due rows and delivers them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const { maxAttempts, batchSize, leaseMs } = this.options;
    // Claims that ran out of time on their last allowed attempt are failures, not retries.
    await this.db.$executeRaw`
      UPDATE "EmailOutbox"
      SET status = 'FAILED', "lockedUntil" = NULL, "updatedAt" = now(),
          "lastError" = 'Delivery was interrupted on the last allowed attempt' || coalesce(' (before that: ' || "lastError" || ')', '')
      WHERE status = 'SENDING' AND "lockedUntil" < now() AND attempts >= ${maxAttempts}`;
    const rows = await this.db.$queryRaw<ClaimedRow[]>`
      UPDATE "EmailOutbox" AS o
      SET status = 'SENDING', attempts = o.attempts + 1,
          "lockedUntil" = now() + (${leaseMs}::int * interval '1 millisecond'), "updatedAt" = now()
      WHERE o.id IN (
        SELECT id FROM "EmailOutbox"
        WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now())
           OR (status = 'SENDING' AND "lockedUntil" < now() AND attempts < ${maxAttempts})
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING o.id, o."idempotencyKey", o.template, o."toAddress", o.language::text AS language, o.payload, o.attempts`;
    if (rows.length === 0) return 0;
    const outcomes = await Promise.all(rows.map((row) => this.deliver(row)));
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    this.options.log(`email worker: ${rows.length} claimed, ${count("sent")} sent, ${count("retry")} to retry, ${count("failed")} failed`);
    return rows.length;
  }

  private async context(language: EmailLanguage): Promise<EmailContext> {
    if (!this.eventCache || Date.now() - this.eventCache.at > 60_000) {
      const select = { nameEn: true, nameEs: true, venueAddress: true, venueAddressEs: true, startsAt: true, timezone: true, ...reportingSelect } as const;
      const event = await findCurrentWalk(this.db, select);
      const byLanguage = new Map<EmailLanguage, EmailContext["event"]>();
      if (event) {
        for (const lang of ["EN", "ES"] as const) {
          byLanguage.set(lang, {
            name: lang === "ES" ? event.nameEs : event.nameEn,
            venue: venueIn(event, lang),
            startsAt: event.startsAt.toISOString(),
            timezone: event.timezone,
            reporting: reportingView(event, lang === "ES" ? "es" : "en"),
          });
        }
      }
      this.eventCache = { at: Date.now(), byLanguage };
    }
    return { appUrl: this.options.appUrl, event: this.eventCache.byLanguage.get(language) };
  }

  private async deliver(row: ClaimedRow): Promise<Outcome> {
    const messageId = `<${row.id}@${senderDomain(this.options.mailFrom)}>`;
    let rendered: RenderedEmail;
    try {
      rendered = await renderEmail(row.template, row.payload, row.language, await this.context(row.language));
    } catch (error) {
      // A template that cannot render this payload will not render it next time either.
      const reason = `The message could not be built: ${(error as Error).message}`;
      return this.recordFailure(row, null, { permanent: true, reason: redactAddresses(reason).slice(0, 500) });
    }
    const subject = rendered.subject;
    try {
      await this.smtp().sendMail({
        from: this.options.mailFrom,
        to: row.toAddress,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId,
        headers: { [MESSAGE_ID_HEADER]: row.idempotencyKey, "Auto-Submitted": "auto-generated" },
        attachments: rendered.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, "base64"),
          cid: a.cid,
        })),
      });
    } catch (error) {
      return this.recordFailure(row, subject, classifyFailure(error));
    }
    const updated = await this.db.$executeRaw`
      UPDATE "EmailOutbox"
      SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL, subject = ${subject},
          "messageId" = ${messageId}, "updatedAt" = now(),
          payload = CASE WHEN template = ANY(${secretPayloadTemplates}::text[]) THEN '{}'::jsonb ELSE payload END,
          "toAddress" = CASE WHEN template = ANY(${ERASED_ON_SEND_TEMPLATES}::text[]) THEN '' ELSE "toAddress" END
      WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`;
    if (updated === 0) return "lost";
    this.stats.sent += 1;
    return "sent";
  }

  private async recordFailure(row: ClaimedRow, subject: string | null, failure: DeliveryFailure): Promise<Outcome> {
    const giveUp = failure.permanent || row.attempts >= this.options.maxAttempts;
    if (giveUp) {
      const reason = failure.permanent ? failure.reason : `${failure.reason} (gave up after ${row.attempts} attempts)`;
      const updated = await this.db.$executeRaw`
        UPDATE "EmailOutbox"
        SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${reason}, subject = coalesce(${subject}, subject),
            "updatedAt" = now(),
            payload = CASE WHEN template = ANY(${secretPayloadTemplates}::text[]) THEN '{}'::jsonb ELSE payload END,
            "toAddress" = CASE WHEN template = ANY(${ERASED_ON_SEND_TEMPLATES}::text[]) THEN '' ELSE "toAddress" END
        WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`;
      if (updated === 0) return "lost";
      this.stats.failed += 1;
      return "failed";
    }
    const delay = retryDelayMs(row.attempts, this.options.backoff);
    const updated = await this.db.$executeRaw`
      UPDATE "EmailOutbox"
      SET status = 'QUEUED', "lockedUntil" = NULL, "lastError" = ${failure.reason}, subject = coalesce(${subject}, subject),
          "nextAttemptAt" = now() + (${delay}::int * interval '1 millisecond'), "updatedAt" = now()
      WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`;
    if (updated === 0) return "lost";
    this.stats.retried += 1;
    return "retry";
  }
}
