import type { MetadataRoute } from "next";

// The web app manifest: the name and icons a phone uses when the site is added to its home screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Fun Walk — World Day Against Trafficking in Persons",
    short_name: "Fun Walk",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0b4f8a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
