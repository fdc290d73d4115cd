import "server-only";
import { createHash } from "node:crypto";
import { THEME_SCRIPT, THEME_SWITCH_SCRIPT } from "./theme-script";

/**
 * CSP hash sources of the inline scripts every page carries (lib/view/theme-script.ts), for every
 * page's policy. Apart from the scripts themselves so that their text can be drawn by a client
 * component too (app/status/status-view.tsx) without bringing node:crypto into the browser.
 */
export const INLINE_SCRIPT_HASHES: readonly string[] = [THEME_SCRIPT, THEME_SWITCH_SCRIPT].map(
  (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`,
);
