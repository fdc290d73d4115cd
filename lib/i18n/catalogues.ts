import type { AbstractIntlMessages } from "next-intl";
import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

/**
 * Every language's catalogue (messages/<code>.json), keyed by namespace and then by the stable codes
 * the core returns (`errors.INVALID_PASSWORD`), event names and email template names. Bundled, not
 * read from disk, so a standalone server or a serverless function finds them; the server holds all
 * five (about 150 kB) and sends none to the browser.
 */
export const CATALOGUES: Readonly<Record<Locale, AbstractIntlMessages>> = { en, de, fr, es, ar };

/** The English catalogue's shape: next-intl types `t("…")` keys against it (global.d.ts). */
export type Messages = typeof en;
