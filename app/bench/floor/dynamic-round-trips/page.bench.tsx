import { sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { FloorChrome } from "../chrome";
import { FloorMarkup } from "../markup";

const NO_SUCH_USER = "00000000-0000-0000-0000-000000000000";

/**
 * Bench-only (decision 075): the dynamic floor plus the two database round trips /account must
 * make (issue #19: the session lookup plus one), each a primary-key probe of `users` that finds
 * nothing, one after the other as /account's are — no auth, no rows to decode. Next to the dynamic
 * floor it says what the round trips alone cost, in the app's CPU, in PostgreSQL's and, with two
 * processes on two cores, in scaling; next to /account, what Gatehouse's own work costs.
 * (It names a table for the reason app/api/security/bench-floor-round-trip says.)
 */
export default async function DynamicRoundTripsFloorPage() {
  const stamp = (await headers()).get("x-request-id") ?? "";
  const db = await getDb();
  await db.execute(sql`select 1 from users where id = ${NO_SUCH_USER}`);
  await db.execute(sql`select 1 from users where id = ${NO_SUCH_USER}`);
  return (
    <FloorChrome signedIn>
      <FloorMarkup stamp={stamp.slice(0, 8)} account />
    </FloorChrome>
  );
}
