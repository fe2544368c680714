// Runs once when the Next.js server starts. With EMAIL_WORKER=inline (the default) the server
// delivers queued email itself; with EMAIL_WORKER=off, run `npm run worker` next to it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Releases booths whose pending request was not decided in time.
  const { startBoothHoldSweep } = await import("./lib/booths/sweep");
  startBoothHoldSweep();
  const { startInlineWorker } = await import("./lib/mail/inline-worker");
  startInlineWorker();
}
