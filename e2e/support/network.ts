// What the browser's network tab would show: requests still pending, RSC requests counted, and
// console errors, for one page of a test.
import type { Page, Request } from "@playwright/test";

export interface NetworkWatch {
  /** Requests sent and not yet finished or failed (by URL). */
  pending(): string[];
  /** RSC requests (App Router navigations, refreshes and prefetches) sent since the watch began. */
  rscRequests(): string[];
  /** Console errors the page logged. */
  consoleErrors(): string[];
}

export function watchNetwork(page: Page): NetworkWatch {
  const open = new Set<Request>();
  const rsc: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    open.add(request);
    const headers = request.headers();
    if (headers["rsc"] === "1" || new URL(request.url()).searchParams.has("_rsc")) {
      const url = new URL(request.url());
      rsc.push(`${headers["next-router-prefetch"] ? "prefetch " : ""}${url.pathname}`);
    }
  });
  page.on("requestfinished", (request) => void open.delete(request));
  page.on("requestfailed", (request) => void open.delete(request));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    pending: () => [...open].map((r) => r.url()),
    rscRequests: () => [...rsc],
    consoleErrors: () => [...errors],
  };
}
