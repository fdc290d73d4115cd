import { z } from "zod";

/**
 * The color theme a visitor chose in the header: light, dark, or the system's (no cookie). The
 * root layout reads the cookie on the server and writes `data-theme` on <html>, so the first paint
 * is already in the chosen theme (no flash, no script before hydration).
 */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
/** A preference, not a secret: kept for a year, like the browser's own settings. */
export const THEME_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const themeSchema = z.enum(THEMES);

/** A cookie or form value as a theme; anything else (absent, tampered) is the system's. */
export function parseTheme(value: unknown): Theme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}
