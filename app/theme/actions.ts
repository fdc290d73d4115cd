"use server";
import { cookies } from "next/headers";
import { getConfig } from "@/lib/security/config";
import { parseTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS } from "@/lib/view/theme";

/**
 * The header's theme switch. Setting a cookie in an action re-renders the page, whose layout then
 * reads it. "system" removes it: the page follows the operating system again.
 */
export async function setThemeAction(formData: FormData): Promise<void> {
  const theme = parseTheme(formData.get("theme"));
  const jar = await cookies();
  if (theme === "system") jar.delete(THEME_COOKIE);
  else jar.set(THEME_COOKIE, theme, { path: "/", sameSite: "lax", httpOnly: true, secure: getConfig().secureCookies, maxAge: THEME_COOKIE_MAX_AGE_SECONDS });
}
