// Runs once when the Next.js server starts. Every setting is checked first: a bad one stops the
// server with a sentence per variable before it serves anything. With EMAIL_WORKER=inline the
// server delivers queued email itself; with process (the default) `npm start` runs the worker in a
// process of its own, and with off, run `npm run worker` yourself (the server then runs the daily
// privacy jobs, the retention purge, itself: they must run wherever the app does).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { parseEnv, parseOrExit } = await import("./lib/env-schema");
  parseOrExit(parseEnv);
  // Made now, before any request: what runs in it belongs to no request (lib/db/process-scope.ts).
  await import("./lib/db/process-scope");
  // Releases booths whose pending request was not decided in time.
  const { startBoothHoldSweep } = await import("./lib/booths/sweep");
  startBoothHoldSweep();
  const { startInlineWorker } = await import("./lib/mail/inline-worker");
  startInlineWorker();
}
