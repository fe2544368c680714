// Where a phase's CPU time went, per request: the app server, PostgreSQL (every process of it: the
// backends, the WAL writer, the checkpointer) and this process (the load generator, or for the
// database ceiling the `pg` client loop). On two cores the three share the machine, so these figures
// say what bounds a phase: a request that costs 4 ms of CPU in all cannot run 500 times a second.
// Read from /proc (Linux); elsewhere the figures are left out.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface CpuTotals {
  /** CPU milliseconds, user and system, summed over each group's processes. */
  app: number;
  postgres: number;
  load: number;
}

export interface CpuPerRequest {
  appMs: number;
  postgresMs: number;
  loadMs: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * User plus system CPU of one process in milliseconds, from the text of /proc/<pid>/stat. The
 * command name (field 2) may hold spaces and parentheses, so fields are counted after its last ")".
 */
export function cpuMsFromStat(stat: string, ticks: number): number {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error("not a /proc/<pid>/stat line");
  return ((utime + stime) * 1000) / ticks;
}

function cpuMsOf(pid: number): number {
  try {
    return cpuMsFromStat(readFileSync(`/proc/${pid}/stat`, "utf8"), clockTicks());
  } catch {
    return 0; // gone since it was listed
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** CPU used so far by the app's processes, PostgreSQL's, and this one; null where /proc is missing. */
export function cpuTotals(appPids: number[]): CpuTotals | null {
  try {
    readdirSync("/proc");
  } catch {
    return null;
  }
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuMsOf(pid), 0);
  return { app: sum(appPids), postgres: sum(postgresPids()), load: cpuMsOf(process.pid) };
}

/**
 * CPU per request between two readings. The CPU of a process that ends in between is lost with it,
 * so a phase takes its second reading before it closes a pool of its own (bench.ts: databaseCeiling).
 */
export function cpuPerRequest(before: CpuTotals | null, after: CpuTotals | null, requests: number): CpuPerRequest | undefined {
  if (!before || !after || requests <= 0) return undefined;
  const per = (a: number, b: number) => +Math.max(0, (b - a) / requests).toFixed(2);
  return { appMs: per(before.app, after.app), postgresMs: per(before.postgres, after.postgres), loadMs: per(before.load, after.load) };
}

/**
 * The most requests per second that CPU cost allows: all the cores shared by the three, and the app
 * server's one JavaScript thread, whichever is lower.
 */
export function cpuCeiling(cpu: CpuPerRequest, cores: number): number {
  const all = cpu.appMs + cpu.postgresMs + cpu.loadMs;
  return Math.round(Math.min((cores * 1000) / Math.max(all, 1e-6), 1000 / Math.max(cpu.appMs, 1e-6)));
}
