import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

/**
 * Bench-only (decision 074): the floor of a JSON route that makes one database round trip — a
 * bare route handler plus one indexed read through the app's pool (a primary-key probe of `users`
 * that finds nothing), no auth. /api/me must make one round trip (issue #12), so this route says
 * how much of its gap to /api/health is the round trip itself. The read names a table because
 * PostgreSQL counts a transaction that touched none (`select 1`) only when the backend next
 * reports table statistics, which would put this route's transactions on the next route's count.
 * It lives under api/security/ because the proxy skips that prefix, as it skips /api/me and
 * /api/health (proxy.ts's matcher is a literal, and an exemption for a path a production build
 * lacks would serve that path's 404 without the proxy's headers).
 */
export const dynamic = "force-dynamic";

const NO_SUCH_USER = "00000000-0000-0000-0000-000000000000";

export async function GET(): Promise<Response> {
  const db = await getDb();
  await db.execute(sql`select 1 from users where id = ${NO_SUCH_USER}`);
  return Response.json({ ok: true });
}
