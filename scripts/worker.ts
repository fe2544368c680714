// npm run worker: delivers queued email in a process of its own (run it with EMAIL_WORKER=off on
// the web servers, or next to them: any number of workers share the queue safely).
import { parseEnv, parseOrExit } from "../lib/env-schema";

// Every setting is checked first, before the worker is loaded.
const env = parseOrExit(parseEnv);
const { startWorkerFromEnv } = await import("../lib/mail/worker-process");

function main() {
  // Without SMTP_URL it delivers nothing but still runs the daily privacy jobs (the retention purge).
  if (!env.SMTP_URL) {
    console.error("SMTP_URL is missing: this worker delivers no email (set SMTP_URL, e.g. smtp://127.0.0.1:2525) and runs only the daily privacy jobs");
  }
  const running = startWorkerFromEnv(env);
  // Started by npm start (no terminal of its own), the web server's line says how to stop.
  console.log(process.stdin.isTTY ? "email worker: running; press Ctrl-C to stop" : "email worker: running");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("email worker: stopping after the messages in flight");
    await running.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main();
