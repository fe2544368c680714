// Work done for the whole process, not for the request that happens to trigger it.
//
// Node.js gives every timer, socket and promise the request context (AsyncLocalStorage) it was made
// in, and keeps it as long as that object lives. A database connection opened during a page render,
// the pool's idle timer armed when a render gives a connection back, and Prisma's record of its last
// 100 closed transactions (each holding promises made inside the request that ran it) therefore keep
// that render's whole context alive: React's render state, the request and the response. During a
// rush one kept render keeps the others too (they are linked through Node's queue of immediates and
// the stack of React's "render completed" abort reason), so memory grew by hundreds of megabytes
// and stayed (docs/decisions/007-database-work-outside-requests.md).
//
// `outsideRequest(fn)` runs fn in the context the process started with, so what fn creates belongs to
// no request. The scope is made when this module first loads: instrumentation.ts loads it at server
// start, before any request, and it is kept on globalThis, so every bundle shares the one made then.
import { AsyncResource } from "node:async_hooks";

const holder = globalThis as unknown as { funwalkProcessScope?: AsyncResource };
holder.funwalkProcessScope ??= new AsyncResource("funwalk.process-scope");
const scope = holder.funwalkProcessScope;

/** Runs fn outside any request's context (see above). */
export function outsideRequest<T>(fn: () => T): T {
  return scope.runInAsyncScope(fn);
}
