import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { validTimeZone } from "../core/time-zone";

/**
 * Remembers the time zone the user's browser reports, so pages and notice emails show times the
 * way the user reads a clock (decision 066). Only ever the caller's own account: the id comes from
 * the session, never from the request. Returns the stored name, or null when `zone` is no IANA zone
 * (nothing is written then).
 */
export async function setUserTimeZone(userId: string, zone: unknown): Promise<string | null> {
  const valid = validTimeZone(zone);
  if (!valid) return null;
  await (await getDb()).update(tables.users).set({ timeZone: valid }).where(eq(tables.users.id, userId));
  return valid;
}
