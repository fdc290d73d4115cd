// Makes app/favicon.ico (16, 32, 48 px) and app/apple-icon.png (180 px) from app/icon.svg, drawn by
// Chromium (CHROMIUM_PATH, else /usr/bin/chromium). Run after changing the logo: node scripts/make-icons.mjs
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
const svg = readFileSync("app/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
async function png(size, padding, background) {
  await page.setViewportSize({ width: size, height: size });
  // apple-icon: iOS rounds the corners itself, so a full square of the brand with the mark inside.
  await page.setContent(
    `<html><body style="margin:0;background:${background}"><div style="width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center">${svg.replace("<svg ", `<svg width="${size - 2 * padding}" height="${size - 2 * padding}" `)}</div></body></html>`,
  );
  return page.screenshot({ omitBackground: background === "transparent", type: "png" });
}
const apple = await png(180, 0, "#4f39f6");
writeFileSync("app/apple-icon.png", apple);
// favicon.ico: an ICO directory whose images are PNGs (allowed since Windows Vista, read by every browser).
const images = [await png(16, 0, "transparent"), await png(32, 0, "transparent"), await png(48, 0, "transparent")];
const sizes = [16, 32, 48];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((img, i) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(sizes[i], 0);
  e.writeUInt8(sizes[i], 1);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(img.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += img.length;
  return e;
});
writeFileSync("app/favicon.ico", Buffer.concat([header, ...entries, ...images]));
await browser.close();
