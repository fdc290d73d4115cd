import "server-only";
import { getConfig } from "../config";
import { fail, messageFor, type Result } from "../core/errors";
import { signInWith, type SecretProof, type SignInOptions, type SignInSuccess } from "./first-factor";
import { burnPasswordCheck } from "../core/password-hash";
import { verifyAndUpdatePassword } from "../accounts/password-upgrade";
import type { RequestContext } from "../core/request-context";
import { findUserByIdentity, type UserRecord } from "../accounts/users";

export interface PasswordLoginInput extends Partial<SignInOptions> {
  identity: string;
  password: string;
  remember: boolean;
}

/**
 * A password as a first factor. Nothing about an account is revealed without its password:
 * the gate checks it before the account's state (Flask-Security's order), and an account with no
 * password answers like a wrong one. A password chosen through an emailed reset link is recorded
 * as such: it proves the inbox, so an emailed second factor cannot follow it.
 */
export function passwordProof(identity: string, password: string): SecretProof {
  const config = getConfig();
  return {
    kind: "secret",
    authType: "password",
    identity,
    secret: password,
    find: (name) => findUserByIdentity(name, config.username.enabled),
    check: async (user: UserRecord) => {
      if (!user.passwordHash) {
        await burnPasswordCheck(password);
        return { ok: false };
      }
      if (!(await verifyAndUpdatePassword(user, password))) return { ok: false };
      return { ok: true, via: [user.passwordFromReset ? "reset-password" : "password"] };
    },
    refusal: (reason) => {
      if (config.genericResponses) return fail("GENERIC_AUTHN_FAILED");
      return reason === "unknown"
        ? fail("USER_DOES_NOT_EXIST", { identity: [messageFor("USER_DOES_NOT_EXIST")] })
        : fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
    },
  };
}

/** Password sign-in: the password case of the one first-factor gate. */
export function loginWithPassword(input: PasswordLoginInput, ctx: RequestContext): Promise<Result<SignInSuccess>> {
  return signInWith(
    passwordProof(input.identity, input.password),
    { remember: input.remember, next: input.next ?? null, deviceCookie: input.deviceCookie },
    ctx,
  );
}
