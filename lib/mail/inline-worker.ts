// The worker inside the web server (EMAIL_WORKER=inline), started by instrumentation.ts.
import { env as settings } from "../env";
import { startWorkerFromEnv } from "./worker-process";

export function startInlineWorker(): void {
  const env = settings();
  if (env.EMAIL_WORKER !== "inline") return;
  const holder = globalThis as unknown as { funwalkEmailWorker?: unknown };
  if (holder.funwalkEmailWorker) return; // dev-mode reloads
  const running = startWorkerFromEnv(env);
  holder.funwalkEmailWorker = running ?? true;
  if (!running) return;
  console.log("email worker: delivering queued email from this server (EMAIL_WORKER=inline)");
  const stop = () => void running.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
