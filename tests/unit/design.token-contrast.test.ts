// Threat: a re-themed token (or a new one) makes text unreadable in one theme — axe only sees the
// pages a test opens, in the scheme it opens them. Every text/background pair of the tokens in
// app/globals.css clears WCAG 2.2's 4.5:1 in light and dark, and dark card lines stay visible.
import { describe, expect, it } from "vitest";
import { contrast, oklchToRgb, over, readTokens, type Rgba, type Theme } from "../support/design-tokens";

const tokens = readTokens();

/** [text, background, the opaque token a translucent background sits on]. */
const TEXT_PAIRS: Array<[string, string, string?]> = [
  ...["background", "canvas", "surface", "subtle"].flatMap((bg): Array<[string, string]> => [
    ["foreground", bg],
    ["muted", bg],
  ]),
  ...["background", "canvas", "surface"].flatMap((bg): Array<[string, string]> => [
    ["accent", bg],
    ["danger-text", bg],
    ["success-text", bg],
    ["warning-text", bg],
  ]),
  ["primary-foreground", "primary"],
  ["primary-foreground", "primary-hover"],
  ["danger-foreground", "danger"],
  ["danger-foreground", "danger-hover"],
  ["primary-soft-foreground", "primary-soft", "surface"],
  ["danger-soft-foreground", "danger-soft", "surface"],
  ["success-soft-foreground", "success-soft", "surface"],
  ["warning-soft-foreground", "warning-soft", "surface"],
  ["warning-strong-foreground", "warning-strong"],
];

function color(theme: Theme, name: string, under?: string): Rgba {
  const value = tokens[theme].get(name);
  if (!value) throw new Error(`no --color-${name} in app/globals.css`);
  return value.a < 1 ? over(value, color(theme, under ?? "background")) : value;
}

describe.each(["light", "dark"] as const)("%s theme", (theme) => {
  it.each(TEXT_PAIRS)("%s on %s clears 4.5:1", (text, bg, under) => {
    const ratio = contrast(color(theme, text), color(theme, bg, under));
    expect(ratio, `${text} on ${bg}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });
});

it("dark card lines are at least 1.5:1 against the card and the page (the issue measured 1.2:1)", () => {
  expect(contrast(color("dark", "border"), color("dark", "surface"))).toBeGreaterThanOrEqual(1.5);
  expect(contrast(color("dark", "border"), color("dark", "background"))).toBeGreaterThanOrEqual(1.5);
});

it("the converter agrees with known colors, so the ratios above mean what they say", () => {
  // Tailwind's zinc-900 is #18181b, red-600 #e7000b; white on black is 21:1.
  const zinc900 = oklchToRgb("oklch(21% 0.006 285.885)");
  expect(Math.round(zinc900.r * 255)).toBe(0x18);
  expect(Math.round(zinc900.b * 255)).toBe(0x1b);
  expect(Math.round(oklchToRgb("oklch(57.7% 0.245 27.325)").r * 255)).toBe(0xe7);
  expect(contrast(oklchToRgb("oklch(100% 0 0)"), oklchToRgb("oklch(0% 0 0)"))).toBeCloseTo(21, 1);
  expect(tokens.light.size).toBeGreaterThan(20);
});
