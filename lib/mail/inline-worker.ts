// The worker inside the web server (EMAIL_WORKER=inline), started by instrumentation.ts; with
// EMAIL_WORKER=off the web server runs the daily privacy jobs alone (the email is someone else's).
import { env as settings } from "../env";
import { startPrivacyJobsFromEnv, startWorkerFromEnv } from "./worker-process";

export function startInlineWorker(): void {
  const env = settings();
  if (env.EMAIL_WORKER === "process") return;
  const holder = globalThis as unknown as { funwalkEmailWorker?: unknown };
  if (holder.funwalkEmailWorker) return; // dev-mode reloads
  const running = env.EMAIL_WORKER === "inline" ? startWorkerFromEnv(env) : startPrivacyJobsFromEnv(env);
  holder.funwalkEmailWorker = running;
  if (env.EMAIL_WORKER === "inline") console.log("email worker: delivering queued email from this server (EMAIL_WORKER=inline)");
  else console.log("privacy: the daily privacy jobs run in this server (EMAIL_WORKER=off)");
  const stop = () => void running.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
