import "server-only";
import { expireStaleHolds } from "./mutations";

const holder = globalThis as unknown as { funwalkBoothSweep?: ReturnType<typeof setInterval> };

/** Runs expireStaleHolds every minute in this server process (started from instrumentation.ts). */
export function startBoothHoldSweep(intervalMs = 60_000): void {
  if (holder.funwalkBoothSweep) return;
  const run = () => {
    expireStaleHolds().catch((error: Error) => console.warn(`booth hold sweep failed: ${error.message}`));
  };
  holder.funwalkBoothSweep = setInterval(run, intervalMs);
  holder.funwalkBoothSweep.unref?.();
  run();
}
