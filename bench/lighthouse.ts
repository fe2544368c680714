// npm run bench:lighthouse — the public pages on a phone, as `npm start` serves them: Lighthouse's
// mobile defaults (a Moto G Power's screen, simulated slow 4G, 4 × CPU slowdown) in Chromium, three
// runs a page and their median (Lighthouse's own advice: one run moves by a few points). Issue 20's
// goal for `/` and `/booths`: performance ≥ 0.95 and Largest Contentful Paint ≤ 2.5 s.
// Results: bench/results/lighthouse.json and a line a page on stdout.
//   npm run bench:lighthouse                 against a new `npm start` (embedded PostgreSQL)
//   npm run bench:lighthouse -- --url=http://127.0.0.1:3000   against a server already running
//   npm run bench:lighthouse -- --page=/es   one page
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { npmStart, type NpmStart } from "./npm-start";

const root = path.resolve(import.meta.dirname, "..");
const given = process.argv.find((a) => a.startsWith("--url="))?.slice("--url=".length);
const RUNS = 3;
const only = process.argv.find((a) => a.startsWith("--page="))?.slice("--page=".length);
/** The pages measured; the first two carry the goal. */
const PAGES = [
  { path: "/", goal: true },
  { path: "/booths", goal: true },
  { path: "/es", goal: false },
  { path: "/register", goal: false },
];
export const GOAL = { performance: 0.95, lcpMs: 2500 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  const app: NpmStart | undefined = given ? undefined : await npmStart({ port: Number(process.env.BENCH_PORT ?? 3803) });
  const base = given ?? app!.base;
  const pages: Record<string, unknown>[] = [];
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    for (const page of PAGES.filter((p) => !only || p.path === only)) {
      const runs: { performance: number; lcpMs: number; fcpMs: number; speedIndexMs: number; tbtMs: number; cls: number; bytes: number; scriptBytes: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`${base}${page.path}`, { port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
        const lhr = result!.lhr;
        const items = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
        runs.push({
          performance: lhr.categories.performance?.score ?? 0,
          lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? Infinity),
          fcpMs: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? Infinity),
          speedIndexMs: Math.round(lhr.audits["speed-index"]?.numericValue ?? Infinity),
          tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? Infinity),
          cls: +(lhr.audits["cumulative-layout-shift"]?.numericValue ?? Infinity).toFixed(3),
          bytes: items.find((item) => item.resourceType === "total")?.transferSize ?? 0,
          scriptBytes: items.find((item) => item.resourceType === "script")?.transferSize ?? 0,
        });
      }
      const figures = {
        path: page.path,
        performance: median(runs.map((r) => r.performance)),
        lcpMs: median(runs.map((r) => r.lcpMs)),
        kB: Math.round(median(runs.map((r) => r.bytes)) / 1024),
        scriptKB: Math.round(median(runs.map((r) => r.scriptBytes)) / 1024),
        runs,
        goal: page.goal ? GOAL : undefined,
      };
      const met = figures.performance >= GOAL.performance && figures.lcpMs <= GOAL.lcpMs;
      pages.push({ ...figures, met: page.goal ? met : undefined });
      console.log(
        `• ${page.path}: performance ${figures.performance.toFixed(2)}, LCP ${(figures.lcpMs / 1000).toFixed(1)} s, ${figures.kB} kB (${figures.scriptKB} kB of script)` +
          (page.goal ? ` — goal ≥ ${GOAL.performance} and ≤ ${GOAL.lcpMs / 1000} s: ${met ? "met" : "NOT met"}` : ""),
      );
    }
  } finally {
    chrome?.kill();
    await app?.stop();
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(
    path.join(root, "bench/results/lighthouse.json"),
    JSON.stringify({ at: new Date().toISOString(), lighthouse: "12.2.3, mobile defaults (simulated slow 4G)", base: given ? base : "npm start", pages }, null, 2),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
