import { readFileSync } from "node:fs";
import path from "node:path";

/** One token's color in each theme: sRGB channels 0…1 and an alpha. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}
export type Theme = "light" | "dark";

const CSS = path.resolve(__dirname, "../../app/globals.css");

/** `oklch(L% C H / A)` as sRGB (Björn Ottosson's OKLab matrices), clamped into the gamut. */
export function oklchToRgb(value: string): Rgba {
  const m = /^oklch\(\s*([\d.]+)%\s+([\d.]+)\s+([\d.]+|none)\s*(?:\/\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (!m) throw new Error(`not an oklch() color: ${value}`);
  const L = Number(m[1]) / 100;
  const C = Number(m[2]);
  const h = m[3] === "none" ? 0 : (Number(m[3]) * Math.PI) / 180;
  const a = C * Math.cos(h);
  const b = C * Math.sin(h);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s,
  ].map((c) => Math.min(1, Math.max(0, c)));
  const gamma = linear.map((c) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055));
  return { r: gamma[0]!, g: gamma[1]!, b: gamma[2]!, a: m[4] === undefined ? 1 : Number(m[4]) };
}

/** Every `--color-*` of the @theme block, per theme (`light-dark(a, b)` or one value for both). */
export function readTokens(css = readFileSync(CSS, "utf8")): Record<Theme, Map<string, Rgba>> {
  const tokens = { light: new Map<string, Rgba>(), dark: new Map<string, Rgba>() };
  for (const [, name, raw] of css.matchAll(/--color-([a-z-]+):\s*([^;]+);/g)) {
    const pair = /^light-dark\((oklch\([^)]*\)),\s*(oklch\([^)]*\))\)$/.exec(raw!.trim());
    tokens.light.set(name!, oklchToRgb(pair ? pair[1]! : raw!));
    tokens.dark.set(name!, oklchToRgb(pair ? pair[2]! : raw!));
  }
  return tokens;
}

/** A translucent color painted over an opaque one, as the browser composites it (in sRGB). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number): number => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.2 contrast ratio of two opaque colors (1 … 21). */
export function contrast(x: Rgba, y: Rgba): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
}
