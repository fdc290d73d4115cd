import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormWords } from "./form-words";
import { schemaWordsFor } from "./schema-words-server";

/** The shared words of a client form in the page's language (a prerendered page's too: it has set its locale). */
export async function formWords(): Promise<FormWords> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("forms.textField")]);
  return { schema: schemaWordsFor(locale), passwordToggle: { show: t("showPassword"), hide: t("hidePassword") } };
}
