/**
 * The color theme a visitor chose in the header: light, dark, or the system's (no cookie). A fixed
 * inline script applies the cookie before the first paint (lib/view/theme-script.ts, decision 067).
 * No imports: the script's text is drawn by client components too (app/status/status-view.tsx),
 * so whatever this module imports would be in every page's JavaScript (zod was, decision 075).
 */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
/** A preference, not a secret: kept for a year, like the browser's own settings. */
export const THEME_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** A cookie or form value as a theme; anything else (absent, tampered) is the system's. */
export function parseTheme(value: unknown): Theme {
  return (THEMES as readonly unknown[]).includes(value) ? (value as Theme) : "system";
}
