import { currentRequestStore } from "./request-store";
import { observeSecurityEvents } from "./security-events";

// The app's copy of the security event log (see observeSecurityEvents for why it starts here).
observeSecurityEvents();

/**
 * Names the signed-in user in this request's log line (server/start.mjs writes it when the
 * response ends). Called from getSession(), the one place every signed-in request passes.
 */
export function setRequestUser(userId: string): void {
  const store = currentRequestStore();
  if (store) store.userId = userId;
}
