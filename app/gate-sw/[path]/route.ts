// The gate's service worker (/gate-sw/sw.js), built by @serwist/turbopack during `next build`: this
// route is static (generateStaticParams), so esbuild bundles app/gate/sw.ts once, with the list of
// the build's static files to precache. It answers with `Service-Worker-Allowed`, and the gate page
// registers it with the scope /gate alone (docs/decisions/012-gate-offline.md).
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/gate/sw.ts",
  // The native esbuild (already installed for tsx) rather than esbuild-wasm: one download fewer.
  useNativeEsbuild: true,
  // Only the build's own JavaScript and CSS (the gate page's among them) and the gate's icons; not
  // every file in public/.
  globPatterns: [".next/static/**/*.{js,css}", "public/icons/icon-192.png"],
});
