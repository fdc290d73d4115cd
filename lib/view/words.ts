import type { ErrorCode } from "@/lib/security/core/errors";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
import { pageLocale } from "./page-locale";

/**
 * What a person reads for each stable code, in the product's own words (decision 063), in each
 * language: the catalogues' "errors" namespace (messages/<code>.json), keyed by the code, `{name}`
 * placeholders filled by lib/view/text.ts. The core keeps Flask-Security's English in `MESSAGES`,
 * and the JSON API sends that (Flask-Security's clients read `errors`); pages, notices and form
 * errors read these. Server only: the catalogues are never sent to the browser.
 */
export function wordsFor(locale: Locale): Readonly<Record<ErrorCode, string>> {
  return CATALOGUES[locale].errors as Record<ErrorCode, string>;
}

/** The words in the language of the request being answered (a server action's, a page's). */
export async function pageWords(): Promise<Readonly<Record<ErrorCode, string>>> {
  return wordsFor(await pageLocale());
}
