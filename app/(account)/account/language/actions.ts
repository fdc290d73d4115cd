"use server";
import { redirect } from "next/navigation";
import { setLocaleCookie } from "@/lib/i18n/cookie";
import { setUserLocale } from "@/lib/security/accounts/locale";
import { requireUser } from "@/lib/security/sessions/guards";
import { formText } from "@/lib/view/form-state";

/**
 * The language picker on /account: saves users.locale and the cookie proxy.ts reads, then shows the
 * page again, now in that language. A plain form post, so it works without JavaScript. An
 * administrator viewing the app as the user does not change the user's settings (decision 058).
 */
export async function saveLanguageAction(form: unknown): Promise<void> {
  const { user, session } = await requireUser();
  if (!session.impersonatorId) {
    // Anyone can call an action with any arguments: formText() is null for anything but a form's text.
    const saved = await setUserLocale(user.id, formText(form, "locale", 16));
    if (saved) await setLocaleCookie(saved);
  }
  redirect("/account#language");
}
