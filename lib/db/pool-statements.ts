/**
 * How the PostgreSQL pool sends drizzle's statements: each one prepared, and one that never reached
 * the server (its connection could not be opened) sent once more. lib/db/client.ts wraps the pool in it.
 */
import type { ParameterOrJSON, PendingQuery, Row, Sql, UnsafeQueryOptions } from "postgres";
import { neverReachedTheServer } from "./errors";

/** The pause before the one retry of a statement that never reached the server. */
const RETRY_PAUSE_MS = 100;

/**
 * drizzle sends each statement it was not asked to name with `prepare: false`; postgres.js then
 * has the server describe the statement before it can encode the parameters — two round trips and
 * a parse and plan on every query (measured on this machine: 0.47–0.70 ms against 0.19–0.25 ms
 * for a prepared one). This lets postgres.js prepare every statement once per connection (it keys
 * them by SQL text; drizzle's SQL has placeholders, so the set is bounded by the code's queries).
 * The client's `prepare: false` (DATABASE_PREPARE=false) still turns all of it off.
 */
export function preparingEveryStatement(sql: Sql, pool = true): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: ParameterOrJSON<never>[], options?: UnsafeQueryOptions) => {
          const send = () => target.unsafe(query, parameters, { ...options, prepare: true });
          // Inside a transaction the connection is already open: nothing to retry there.
          return pool ? retriedQuery(send) : send();
        };
      }
      // Transactions get their own handle from postgres.js: it prepares the same way. A begin whose
      // connection could not be opened never ran its callback, so it too may be tried once more
      // (only then: once the callback has started, its failure is the transaction's own).
      if (property === "begin") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          let started = false;
          const begin = () =>
            (target.begin as (...a: unknown[]) => Promise<unknown>)(...args, (tx: Sql) => {
              started = true;
              return callback(preparingEveryStatement(tx, false));
            });
          return onceMoreIfNeverSent(begin, () => !started);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * A connection of the pool reconnects when a query needs it, so after PostgreSQL restarts, each of
 * them meets the server again on some request's query; when that attempt fails before anything
 * was sent (a connection refused while the server comes up, a connect that timed out on a busy
 * machine: neverReachedTheServer), one more try after a short pause turns a needless 503 into an
 * answer. While the server stays down the second try fails as fast as the first, and the request
 * gets its 503.
 */
function onceMoreIfNeverSent<T>(send: () => PromiseLike<T>, retryable: () => boolean = () => true): Promise<T> {
  return Promise.resolve(send()).catch(async (error: unknown) => {
    if (!neverReachedTheServer(error) || !retryable()) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    return send();
  });
}

/**
 * A pool query with the one retry, in the shape drizzle uses: awaited as it is, or after
 * `.values()` (rows as arrays). postgres.js sends a query when it is first awaited, so each try
 * makes a new one (and, like drizzle, a caller awaits it once).
 */
function retriedQuery(make: () => PendingQuery<(Row & Iterable<Row>)[]>, asValues = false): PromiseLike<unknown> & { values(): PromiseLike<unknown> } {
  const send = () => (asValues ? make().values() : make());
  return {
    then: (fulfilled, rejected) => onceMoreIfNeverSent(send).then(fulfilled, rejected),
    values: () => retriedQuery(make, true),
  };
}
