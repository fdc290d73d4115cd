import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { fail, type Result } from "../core/errors";
import { revokeTokens } from "../core/tokens";
import { endEverySignIn } from "../accounts/activation";
import { recordAdminChange, type AdminOptions } from "../accounts/admin-events";
import { isUuid } from "../accounts/identity";
import { forgetSignInMethods } from "../codes/sign-in-methods";
import { forgetTwoFactor } from "../codes/two-factor";
import { forgetPasskeys } from "../passkeys/manage";

export interface AccessReset {
  twoFactor: number;
  signInMethods: number;
  passkeys: number;
}

/**
 * Flask-Security's reset_user_access, for a suspected compromise: every session, pending sign-in
 * and API token ends and both uniquifiers rotate; two-factor, sign-in code methods (email
 * included), passkeys and recovery codes are removed, and so are outstanding set-up and sign-in
 * links. The password stays (as in Flask-Security): the user signs in with it and sets up their
 * factors again (at once, when their role requires two-factor). One transaction, one event.
 * @public part of the programmable API (admin console, CLI).
 */
export async function resetUserAccess(userId: string, options: AdminOptions = {}): Promise<Result<AccessReset>> {
  if (!isUuid(userId)) return fail("USER_DOES_NOT_EXIST");
  return (await getDb()).transaction(async (tx): Promise<Result<AccessReset>> => {
    const [user] = await tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.id, userId)).for("update");
    if (!user) return fail("USER_DOES_NOT_EXIST");
    await endEverySignIn(userId, tx);
    const removed: AccessReset = {
      twoFactor: await forgetTwoFactor(userId, tx),
      signInMethods: await forgetSignInMethods(userId, tx),
      passkeys: await forgetPasskeys(userId, tx),
    };
    await revokeTokens(userId, ["tf-setup", "us-setup", "magic"], tx);
    await recordAdminChange("access_reset", userId, { ...removed }, options, tx);
    return { ok: true, ...removed };
  });
}
