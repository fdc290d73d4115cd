import "server-only";
import { utility, type LockableUser } from "../core/plugins";

/**
 * The application's lock (decision 056): `account.isLocked` in lib/security/plugins.ts, false by
 * default. Asked by the sign-in gate after the proof (every first factor, and the last step of a
 * second factor), by the reset request and reset link, and by a refresh token's use. A product
 * that locks an account in its own terms (an unpaid bill, a legal hold) writes that rule once.
 */
export async function isLockedByApplication(user: LockableUser): Promise<boolean> {
  const hook = utility("account").isLocked;
  return hook ? Boolean(await hook(user, async () => false)) : false;
}

/** Whether a product replaced the hook: a check that needs a read of its own skips it otherwise. */
export function hasApplicationLock(): boolean {
  return Boolean(utility("account").isLocked);
}
