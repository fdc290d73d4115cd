import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

const NO_SUCH_USER = "00000000-0000-0000-0000-000000000000";

/**
 * Bench-only (decisions 074, 075): one database round trip through the app's pool, a primary-key
 * probe of `users` that finds nothing — no auth, no rows to decode. It names a table because
 * PostgreSQL counts a transaction that touched none (`select 1`) only when the backend next reports
 * table statistics, which would put a floor's transactions on the next route's count.
 */
export async function floorRoundTrip(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1 from users where id = ${NO_SUCH_USER}`);
}
