// The embedded PostgreSQL's own process, started by `npm start` (startEmbeddedPostgresApart) in a
// process group of its own: Ctrl-C in the terminal does not reach it, so PostgreSQL stops only
// after the web server, when `npm start` says so, or when `npm start` is gone (the channel closes).
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedServer, type ServerMessage } from "./embedded-postgres";

const tell = (message: ServerMessage) => process.send?.(message);
const { dataDir, port } = JSON.parse(process.env.FUNWALK_EMBEDDED_PG ?? "{}") as { dataDir: string; port: number };

let server: EmbeddedServer | undefined;
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server?.stop().catch(() => undefined);
  process.exit(0);
}
process.on("message", (message: { type?: string }) => {
  if (message.type === "stop") void stop();
});
process.on("disconnect", () => void stop());
// A signal sent to this process alone (kill) stops PostgreSQL too.
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

try {
  server = await startEmbeddedPostgres({ dataDir, port, log: (line) => tell({ type: "log", line }) });
  if (stopping) await server.stop();
  else tell({ type: "ready", adminUrl: server.adminUrl });
} catch (error) {
  tell({ type: "failed", message: error instanceof EmbeddedPostgresError ? error.message : `The embedded PostgreSQL could not start (${(error as Error).message}).` });
  process.exit(1);
}
