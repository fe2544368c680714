/// <reference lib="webworker" />
// The gate's service worker (scope /gate): /gate opens with no network once it has been opened.
// What it keeps: the build's JavaScript and CSS (precached at install), the /gate page itself (the
// last copy fetched while online: it holds no personal data, only the page and its texts), the gate's
// manifest and icon. What it never touches: /api/* (the list and the queue live in IndexedDB, not in
// a cache), /gate/open/* (the pass link), every other page (out of scope, and not matched below).
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { NetworkFirst, Serwist, StaleWhileRevalidate } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const SHELL_CACHE = "gate-shell";
const ASSETS_CACHE = "gate-assets";
const GATE_ASSETS = ["/gate/manifest.webmanifest", "/favicon.ico", "/icon.svg", "/apple-icon.png"];
const isGatePage = (url: URL) => url.origin === self.location.origin && (url.pathname === "/gate" || url.pathname === "/gate/");

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The page: fresh from the network when there is one (the language may have changed), else the
      // last copy. Only full page loads, never the App Router's RSC requests.
      matcher: ({ request, url }) => request.mode === "navigate" && isGatePage(url) && url.search === "",
      handler: new NetworkFirst({ cacheName: SHELL_CACHE, networkTimeoutSeconds: 4 }),
    },
    {
      // The gate's manifest and icons, and the site's icons every page's head links (with a version in
      // their query: matched without it, so the copies fetched at install serve them offline).
      matcher: ({ url }) => url.origin === self.location.origin && (GATE_ASSETS.includes(url.pathname) || url.pathname.startsWith("/icons/")),
      handler: new StaleWhileRevalidate({ cacheName: ASSETS_CACHE, matchOptions: { ignoreSearch: true } }),
    },
  ],
});

// The page shell is put in its cache at install, so the first visit already makes the next one work offline.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch("/gate", { credentials: "same-origin" });
      if (response.ok && !response.redirected) await (await caches.open(SHELL_CACHE)).put("/gate", response);
      await (await caches.open(ASSETS_CACHE)).addAll(GATE_ASSETS);
    })().catch(() => undefined),
  );
});

serwist.addEventListeners();
