// Loaded into the web server by `npm run bench:rush` (NODE_OPTIONS=--import …), never by the app:
// each second it writes this process's garbage-collection totals (count and pause time by kind, from
// perf_hooks' gc entries) and its heap (V8's used size after the last major collection, the old
// space's limit) to $FUNWALK_GC_DIR/gc-<pid>.json, so the bench can say per round how much of the
// server's time went to collecting garbage and how much a render left alive.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";

const dir = process.env.FUNWALK_GC_DIR;
if (dir) {
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  const totals = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 }, incremental: { count: 0, ms: 0 }, weakcb: { count: 0, ms: 0 } };
  let usedAfterMajorMB = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = kinds[entry.detail?.kind] ?? "minor";
      totals[kind].count += 1;
      totals[kind].ms += entry.duration;
      if (kind === "major") usedAfterMajorMB = getHeapStatistics().used_heap_size / 2 ** 20;
    }
  }).observe({ entryTypes: ["gc"] });
  const file = path.join(dir, `gc-${process.pid}.json`);
  const write = () => {
    const heap = getHeapStatistics();
    const body = JSON.stringify({
      at: Date.now(),
      totals,
      usedAfterMajorMB,
      usedMB: heap.used_heap_size / 2 ** 20,
      limitMB: heap.heap_size_limit / 2 ** 20,
      // Where resident memory goes: each heap space's committed size, and memory outside the heap.
      spacesMB: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, Math.round(space.space_size / 2 ** 20)])),
      externalMB: Math.round(process.memoryUsage().external / 2 ** 20),
      // The flags it was started with (the heap's budget and the young generation's bounds).
      flags: process.execArgv,
    });
    writeFileSync(`${file}.tmp`, body);
    renameSync(`${file}.tmp`, file);
  };
  setInterval(write, 1000).unref();
}
