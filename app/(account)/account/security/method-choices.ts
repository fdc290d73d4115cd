import "server-only";
import { getTranslations } from "next-intl/server";
import type { MethodOption } from "@/lib/view/two-factor-types";

/**
 * The method picker's options with their title and description in the page's language
 * (twoFactor.choices), for the set-up pages: methodOptions gives the order and the English.
 */
export async function translateChoices<T extends MethodOption>(options: readonly T[]): Promise<T[]> {
  const choices = await getTranslations("twoFactor.choices");
  return options.map((o) => ({ ...o, label: choices(`${o.value}.label`), description: choices(`${o.value}.description`) }));
}
