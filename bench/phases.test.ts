import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combined, interleaved, type Half } from "./phases";

const half = (seconds: number, latencies: number[], cpu = { app: 0, postgres: 10, load: 2 }): Half => ({ seconds, total: latencies.length, cpu, latencies });

describe("the bench's phases in two halves", () => {
  it("runs every phase in order, then again in reverse order, and combines each phase's two halves", async () => {
    const ran: string[] = [];
    const phase = (name: string) => async () => {
      ran.push(name);
      return half(1, [ran.length]);
    };
    const figures = await interleaved({ a: phase("a"), b: phase("b"), c: phase("c") }, (halves) => halves.map((h) => h.latencies![0]));
    expect(ran).toEqual(["a", "b", "c", "c", "b", "a"]);
    // Each phase's halves, first then second: a ran 1st and 6th, c 3rd and 4th.
    expect(figures).toEqual({ a: [1, 6], b: [2, 5], c: [3, 4] });
  });

  it("counts a phase's requests over both halves' seconds, and its latencies and CPU together", () => {
    const first = half(2, Array.from({ length: 100 }, () => 10), { app: 0, postgres: 100, load: 20 });
    const second = half(3, Array.from({ length: 200 }, () => 40), { app: 0, postgres: 500, load: 40 });
    const figures = combined([first, second], "http://127.0.0.1:1", 16);
    expect(figures.total).toBe(300);
    expect(figures.rps).toBe(60); // 300 over 5 seconds, not the mean of 50 and 67
    expect(figures.p50).toBe(40);
    expect(figures.p99).toBe(40);
    expect(combined([first], "http://127.0.0.1:1", 16).p99).toBe(10);
    expect(figures.cpu).toEqual({ appMs: 0, postgresMs: 2, loadMs: 0.2 });
  });

  describe("two autocannon runs", () => {
    let server: Server;
    let url = "";
    beforeAll(async () => {
      server = createServer((request, response) => {
        // Slower answers for /slow, so the two halves' latencies differ.
        setTimeout(() => response.end("ok"), request.url === "/slow" ? 50 : 0);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const run = async (path: string, amount: number): Promise<Half> => {
      const raw = (await autocannon({ url: url + path, connections: 2, amount, skipAggregateResult: true })) as unknown as {
        duration: number;
        totalCompletedRequests: number;
      };
      return { seconds: raw.duration, total: raw.totalCompletedRequests, cpu: null, http: raw };
    };

    it("merges their latencies and statuses as one run's", async () => {
      const fast = await run("/", 200);
      const slow = await run("/slow", 20);
      const figures = combined([fast, slow], url, 2);
      expect(figures.total).toBe(220);
      expect(figures.statuses).toEqual({ "200": 220 });
      expect(figures.errors).toBe(0);
      // The slow tenth of the requests sets the p99; the fast run alone would not.
      expect(figures.p99).toBeGreaterThanOrEqual(50);
      expect(combined([fast], url, 2).p99).toBeLessThan(50);
      expect(figures.rps).toBe(Math.round(220 / (fast.seconds + slow.seconds)));
    });
  });
});
