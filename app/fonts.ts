import localFont from "next/font/local";

// The site's typeface, Inter (its Latin variable font, which holds Spanish's letters, from
// @fontsource-variable/inter), served by next/font: preloaded with the page and `display: optional`.
// A phone on a slow connection that has not got the font when the page first paints keeps the
// system font for that page rather than swapping: a swap re-flowed the header on /es (the language
// switch moved up a line) and shifted the whole page 40 px down the screen as someone began to read it.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "optional",
  variable: "--font-inter",
});
