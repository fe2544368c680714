// Runs once when the Next.js server starts. With EMAIL_WORKER=inline (the default) the server
// delivers queued email itself; with EMAIL_WORKER=off, run `npm run worker` next to it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Releases booths whose pending request was not decided in time.
  const { startBoothHoldSweep } = await import("./lib/booths/sweep");
  startBoothHoldSweep();
  const { parseEnv } = await import("./lib/env-schema");
  const env = parseEnv(process.env);
  if (env.EMAIL_WORKER !== "inline") return;
  const holder = globalThis as unknown as { funwalkEmailWorker?: unknown };
  if (holder.funwalkEmailWorker) return; // dev-mode reloads
  const { startWorkerFromEnv } = await import("./lib/mail/worker-process");
  const running = startWorkerFromEnv(env);
  holder.funwalkEmailWorker = running ?? true;
  if (running) {
    console.log("email worker: delivering queued email from this server (EMAIL_WORKER=inline)");
    const stop = () => void running.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
}
