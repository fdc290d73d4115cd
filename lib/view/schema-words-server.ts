import "server-only";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
import type { SchemaWords } from "./schema-words";

/** The input checks' words in a language, for a server action's answer or a client form's props. */
export function schemaWordsFor(locale: Locale): SchemaWords {
  return CATALOGUES[locale].schema as SchemaWords;
}
