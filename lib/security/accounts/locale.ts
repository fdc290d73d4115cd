import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language the user chose to read: pages on every browser they sign in on (through the language
 * cookie) and every email and SMS sent to them (outbox.locale is copied from it at queue time). Only ever the caller's own account: the id
 * comes from the session, never from the request. Returns the stored language, or null when the
 * value is no language Gatehouse ships (nothing is written then).
 */
export async function setUserLocale(userId: string, value: unknown): Promise<Locale | null> {
  if (!isLocale(value)) return null;
  await (await getDb()).update(tables.users).set({ locale: value, localeChosen: true, updatedAt: new Date() }).where(eq(tables.users.id, userId));
  return value;
}
