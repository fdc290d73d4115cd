import type { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the server entry (server/start.mjs) knows about the request being served, shared with the
 * app through one AsyncLocalStorage on globalThis: the entry opens it around Next's handler, the
 * app fills in what only it knows (who is signed in, that the database could not be reached), and
 * the entry's request log line and 503 answer read it back. Started any other way (`next dev`,
 * tests) there is no store and the setters do nothing.
 */
export interface RequestStore {
  requestId: string;
  userId?: string;
  databaseUnavailable?: boolean;
}

const STORE = Symbol.for("gatehouse.requestStore");

export function currentRequestStore(): RequestStore | undefined {
  const storage = (globalThis as Record<symbol, unknown>)[STORE] as AsyncLocalStorage<RequestStore> | undefined;
  return storage?.getStore();
}
