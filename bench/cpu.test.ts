import { describe, expect, it } from "vitest";
import { cpuCeiling, cpuMsFromStat, cpuPerRequest, cpuTotals } from "./cpu";

describe("CPU accounting for the benchmark", () => {
  it("reads user and system time from a /proc/<pid>/stat line, whatever the command name holds", () => {
    // Fields 14 and 15 (utime, stime) are 250 and 50 ticks.
    const stat = "4242 (next-server (v16) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 11 0 1234 1000000 5000";
    expect(cpuMsFromStat(stat, 100)).toBe(3000);
    expect(cpuMsFromStat(stat, 1000)).toBe(300);
    expect(() => cpuMsFromStat("not a stat line", 100)).toThrow();
  });

  it("sees this process's own CPU grow while it works", () => {
    const before = cpuTotals([process.pid]);
    if (!before) return expect(process.platform).not.toBe("linux");
    const until = performance.now() + 120;
    let x = 0;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const after = cpuTotals([process.pid])!;
    expect(x).toBeGreaterThan(0);
    // A tick is 10 ms: 120 ms of work shows as at least 60.
    expect(after.load - before.load).toBeGreaterThanOrEqual(60);
    expect(after.app - before.app).toBeGreaterThanOrEqual(60);
  });

  it("divides by the requests, and bounds a rate by the cores and by the app's one thread", () => {
    const per = cpuPerRequest({ app: 1000, postgres: 500, load: 100 }, { app: 3000, postgres: 2000, load: 350 }, 1000)!;
    expect(per).toEqual({ appMs: 2, postgresMs: 1.5, loadMs: 0.25 });
    expect(cpuPerRequest(null, { app: 1, postgres: 1, load: 1 }, 10)).toBeUndefined();
    expect(cpuPerRequest({ app: 1, postgres: 1, load: 1 }, { app: 2, postgres: 2, load: 2 }, 0)).toBeUndefined();
    // 3.75 ms in all on 2 cores: 533/s; the app thread alone would allow 500/s.
    expect(cpuCeiling(per, 2)).toBe(500);
    // A light app with a heavy database: the cores bound it.
    expect(cpuCeiling({ appMs: 1, postgresMs: 3, loadMs: 0 }, 2)).toBe(500);
    expect(cpuCeiling({ appMs: 1, postgresMs: 0, loadMs: 0 }, 2)).toBe(1000);
  });
});
