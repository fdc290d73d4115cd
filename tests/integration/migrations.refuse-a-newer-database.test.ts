// Guarantee: an instance whose code is older than the database's schema (a newer release already
// migrated it) refuses to open it with a clear message, instead of serving on a schema it does not know.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, DatabaseAheadError, getDb, migrationState } from "@/lib/db";

const FUTURE = Date.UTC(2099, 0, 1);

describe("migrations on start", () => {
  it("says 'current' for the code's own migrations and refuses a database with a newer one", async () => {
    const db = await getDb();
    expect(await migrationState(db)).toBe("current");
    await db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${FUTURE})`);
    try {
      expect(await migrationState(db)).toBe("ahead");
      await closeDb();
      const refused = await getDb().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DatabaseAheadError);
      expect((refused as Error).message).toMatch(/newer than this code knows \(applied 2099-01-01T00:00:00\.000Z/);
    } finally {
      // The refusal happened before any query of ours; remove the row through a fresh handle.
      await closeDb();
      const { default: postgres } = await import("postgres");
      if (process.env.DATABASE_URL) {
        const conn = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
        await conn`delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-release'`;
        await conn.end();
      } else {
        const { PGlite } = await import("@electric-sql/pglite");
        const client = new PGlite(process.env.PGLITE_DIR);
        await client.query("delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-release'");
        await client.close();
      }
    }
    expect(await migrationState(await getDb())).toBe("current");
  });
});
