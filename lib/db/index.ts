export { getDb, closeDb, databaseDriver, DatabaseAheadError, migrationState, poolSettings, type Database, type Queryable, type Tx } from "./client";
import type { Database, Tx } from "./client";
export { preparedFor } from "./prepared";
export * as tables from "@/drizzle/schema";

const ROLLBACK = Symbol.for("gatehouse.rollback");

/**
 * Runs `work` in a transaction that it may end early with `abort(value)`: everything is rolled
 * back and the transaction's result is `value` (a failure to answer with) instead of a throw. The
 * marker is a global symbol, not a class: the bundler may give the app more than one copy of a
 * module, and `instanceof` across copies misses.
 */
export async function transactionWithAbort<T, A>(db: Database, work: (tx: Tx, abort: (value: A) => never) => Promise<T>): Promise<T | A> {
  const abort = (value: A): never => {
    throw Object.assign(new Error("transaction aborted"), { [ROLLBACK]: { value } });
  };
  try {
    return await db.transaction((tx) => work(tx, abort));
  } catch (error) {
    const marked = (error as { [ROLLBACK]?: { value: A } } | null)?.[ROLLBACK];
    if (marked) return marked.value;
    throw error;
  }
}
