// The gate's web app manifest: "add to home screen" opens /gate alone, full screen, in its own scope.
// The site's own manifest (app/manifest.ts) stays the walk's.
export const dynamic = "force-static";

export function GET(): Response {
  const manifest = {
    id: "/gate",
    name: "Fun Walk — Gate",
    short_name: "Fun Walk Gate",
    start_url: "/gate",
    scope: "/gate",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0b4f8a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { "content-type": "application/manifest+json" } });
}
