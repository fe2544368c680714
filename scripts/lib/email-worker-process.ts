// The email worker as a process of its own (scripts/worker.ts), as `npm start` runs it with
// EMAIL_WORKER=process (decision 009); the bench starts it the same way. One process (tsx's loader,
// not its command, which would run the worker in a child of its own), at a lower scheduling priority:
// while walkers' requests and PostgreSQL want the machine's cores, they get them first; when they
// do not, the worker has them all. Its progress lines stay out of npm start's console (as the web
// server's do); its warnings and errors go to it.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { setPriority } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** The niceness the worker runs at (0 is the web server's; 19 the lowest). */
export const WORKER_NICENESS = 10;

export function spawnEmailWorker(env: NodeJS.ProcessEnv, stdio: StdioOptions = ["ignore", "ignore", "inherit"]): ChildProcess {
  const worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], { cwd: root, env, stdio });
  try {
    if (worker.pid) setPriority(worker.pid, WORKER_NICENESS);
  } catch {
    // Not allowed here: the worker runs at the web server's priority.
  }
  return worker;
}
