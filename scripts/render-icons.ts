// npm run icons: renders the site's icons from their SVG sources in Chromium (the same browser the
// end-to-end tests use). app/icon.svg is the icon; public/icons/icon-full.svg is the same figure on a
// full square, for home screens that cut their own shape (apple-icon, maskable).
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const icon = readFileSync(path.join(root, "app/icon.svg"), "utf8");
const full = readFileSync(path.join(root, "public/icons/icon-full.svg"), "utf8");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
async function render(svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`);
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return png;
}

/** A .ico that holds PNG images (every browser since IE 11 reads them). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size, entry);
    header.writeUInt8(size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const sizes = [16, 32, 48];
writeFileSync(path.join(root, "app/favicon.ico"), ico(await Promise.all(sizes.map(async (size) => ({ size, png: await render(icon, size) })))));
writeFileSync(path.join(root, "app/apple-icon.png"), await render(full, 180));
writeFileSync(path.join(root, "public/icons/icon-192.png"), await render(icon, 192));
writeFileSync(path.join(root, "public/icons/icon-512.png"), await render(icon, 512));
writeFileSync(path.join(root, "public/icons/maskable-512.png"), await render(full, 512));
await browser.close();
console.log("icons written: app/favicon.ico, app/apple-icon.png, public/icons/*.png");
