// The bench's figures of a phase, and phases run in two halves (bench.ts uses these; phases.test.ts
// checks them).
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { cpuPerRequest, type CpuPerRequest, type CpuTotals } from "./cpu";

/** The machine's load averages (1, 5, 15 minutes), for the record of when a figure was taken. */
export const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

export interface Figures {
  rps: number;
  p50: number;
  p95?: number;
  p97_5: number;
  p99: number;
  errors: number;
  /** The database ceiling's first failed statement, when one failed. */
  firstError?: string;
  non2xx: number;
  total: number;
  /** Answers per HTTP status (a sign-up that succeeds is a 303 to its manage page). */
  statuses?: Record<string, number>;
  load: string;
  /** CPU per request: the app server, PostgreSQL, this process (bench/cpu.ts). */
  cpu?: CpuPerRequest;
}

/** An autocannon run's figures; `seconds` is its duration, when the result has none. */
export function fromAutocannon(result: autocannon.Result, seconds: number): Figures {
  return {
    rps: Math.round(result.requests.total / (result.duration || seconds)),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, Number((v as { count: number }).count)])),
    load: load(),
  };
}

// ---- phases in two halves, in the order A B … B A ------------------------------------------------
//
// The ratios compare phases run one after another, and other programs share the machine: a phase
// that ran while the machine was busier would move a ratio by more than what is measured. So at 16
// and 64 clients every phase runs twice (each time for the phase's duration), in order and then in
// the reverse order; each figure is over both halves (their requests, their seconds, their latencies
// and their CPU together). A drift of the machine's speed during the run then weighs on every phase
// alike.

/** One half of a phase: what it counted, over how long, and the CPU it cost (totals, not per request). */
export interface Half {
  seconds: number;
  total: number;
  cpu: CpuTotals | null;
  /** An autocannon run's unaggregated result (skipAggregateResult). */
  http?: unknown;
  /** The database ceiling's own figures: each statement's latency in ms, its errors. */
  latencies?: number[];
  errors?: number;
  firstError?: string;
}

export function cpuUsed(before: CpuTotals | null, after: CpuTotals | null): CpuTotals | null {
  return before && after ? { app: after.app - before.app, postgres: after.postgres - before.postgres, load: after.load - before.load } : null;
}

const aggregate = (autocannon as unknown as { aggregateResult: (results: unknown[], opts: { url: string; connections: number }) => autocannon.Result }).aggregateResult;

/** A phase's figures over its halves (`url` and `connections`: the autocannon runs', for their aggregation). */
export function combined(halves: Half[], url: string, connections: number): Figures {
  const seconds = halves.reduce((sum, h) => sum + h.seconds, 0);
  const total = halves.reduce((sum, h) => sum + h.total, 0);
  const cpus = halves.map((h) => h.cpu);
  const cpuSum = cpus.every((c) => c !== null)
    ? cpus.reduce((sum, c) => ({ app: sum.app + c!.app, postgres: sum.postgres + c!.postgres, load: sum.load + c!.load }), { app: 0, postgres: 0, load: 0 })
    : null;
  const cpu = cpuPerRequest({ app: 0, postgres: 0, load: 0 }, cpuSum, total);
  if (halves[0]!.http !== undefined) {
    const result = aggregate(halves.map((h) => h.http), { url, connections });
    return { ...fromAutocannon(result, seconds), rps: Math.round(total / seconds), total, cpu };
  }
  const latencies = halves.flatMap((h) => h.latencies ?? []).sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const firstError = halves.find((h) => h.firstError)?.firstError;
  const errors = halves.reduce((sum, h) => sum + (h.errors ?? 0), 0);
  return { rps: Math.round(total / seconds), p50: at(0.5), p95: at(0.95), p97_5: at(0.975), p99: at(0.99), errors, ...(firstError ? { firstError } : {}), non2xx: 0, total, load: load(), cpu };
}

/** Runs every phase once in order, then once more in reverse order (A B … B A); `combine` makes each one's figures. */
export async function interleaved<K extends string, F>(phases: Record<K, () => Promise<Half>>, combine: (halves: Half[]) => F): Promise<Record<K, F>> {
  const names = Object.keys(phases) as K[];
  const halves = Object.fromEntries(names.map((n) => [n, [] as Half[]])) as unknown as Record<K, Half[]>;
  for (const name of names) halves[name].push(await phases[name]());
  for (const name of [...names].reverse()) halves[name].push(await phases[name]());
  return Object.fromEntries(names.map((n) => [n, combine(halves[n])])) as Record<K, F>;
}

