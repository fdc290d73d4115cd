import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { MethodOption } from "@/lib/view/two-factor-types";
import type { CodeMethod, UnifiedMethod } from "@/lib/security/config";
import { maskPhone } from "@/lib/security/accounts/phone";
import type { SignInMethodRow } from "@/lib/security/codes/store";
import { isolate } from "@/lib/view/account-words";
import { aroundPlaceholder } from "@/lib/i18n/fill";
import { methodOptions } from "@/lib/view/two-factor-enrollment";
import { translateChoices } from "../method-choices";

/** One offered code method as the row shows it, in the page's language: nothing secret crosses to the client. */
export interface SignInMethodView extends MethodOption {
  value: CodeMethod;
  active: boolean;
  /** Where codes go (the address, a masked phone), when that helps the owner recognise it. */
  detail: string | null;
  /** The method inside a sentence ("authenticator app"), drawn in bold in the removal question. */
  name: string;
  /** "Remove authenticator app?", the removal group's name. */
  removeQuestion: string;
  /** The removal question's text before and after the method's name. */
  removeText: [string, string];
}

export async function toMethodViews(offered: readonly UnifiedMethod[], rows: readonly SignInMethodRow[], email: string): Promise<SignInMethodView[]> {
  const codeMethods = offered.filter((m): m is CodeMethod => m !== "password");
  const [options, t, names, signInWith, locale] = await Promise.all([
    translateChoices(methodOptions(codeMethods)),
    getTranslations("account.signInCodes"),
    getTranslations("twoFactor.methods"),
    getTranslations("twoFactor.signInWith"),
    getLocale(),
  ]);
  return options.map((option) => {
    const row = rows.find((r) => r.method === option.value);
    const value = option.value as CodeMethod;
    const where = value === "email" ? email : value === "sms" && row?.phone ? maskPhone(row.phone) : null;
    const name = names(value);
    // {phrase} is filled here; {method} is left for the row to draw in bold.
    const body = (t.raw("removeBody") as string).replace("{phrase}", signInWith(value));
    return {
      ...option,
      value,
      active: Boolean(row),
      detail: where ? t("codesGoTo", { where: isolate(where, locale) }) : null,
      name,
      removeQuestion: t("removeQuestion", { method: option.label }),
      removeText: aroundPlaceholder(body, "method"),
    };
  });
}

/**
 * Changes whenever a method is added or removed: rows keyed by it start again in their view
 * mode after the redirect back here (Next keeps client state across same-route navigations).
 */
export function methodsSignature(rows: readonly SignInMethodRow[]): string {
  return rows
    .map((r) => `${r.method}@${r.createdAt.getTime()}`)
    .sort()
    .join(",");
}
