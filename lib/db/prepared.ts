import type { Database } from "./client";

/**
 * A statement on a hot path, built and prepared once per database handle instead of on every
 * call: drizzle's query building costs more CPU than the indexed lookup it sends, and as a named
 * statement PostgreSQL parses and plans it once per connection (DATABASE_PREPARE=false turns
 * server-side preparation off for poolers that cannot keep it). Keyed by handle because tests and
 * scripts may close the database and open a new one.
 */
export function preparedFor<T>(build: (db: Database) => T): (db: Database) => T {
  const statements = new WeakMap<Database, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = build(db)));
    return statement;
  };
}
