import "server-only";
import { getDb } from "@/lib/db";
import { getConfig } from "../config";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { createUser, findUserByEmail, type UserRecord } from "../accounts/users";
import type { ProviderIdentity } from "../sessions/oauth-handoff";
import { findLinkedUser, linkIdentity, touchLink } from "../oauth/links";
import { signInWith, type SignInOptions, type SignInSuccess } from "./first-factor";

/**
 * Which account a provider identity signs in to (decision 046), in this order:
 * 1. the account linked to the provider's subject — the subject wins over any email;
 * 2. else, when the provider verified the email (and SECURITY_OAUTH_LINK_BY_VERIFIED_EMAIL), the
 *    account with that email, which is linked now (Flask-Security's lookup by email);
 * 3. else, with SECURITY_OAUTH_ALLOW_REGISTER and a verified email, a new confirmed account;
 * 4. else IDENTITY_NOT_REGISTERED. An email the provider did not verify never finds, links or
 *    creates an account: anyone can type any address into a provider's profile.
 */
export async function resolveOAuthAccount(identity: ProviderIdentity, ctx: RequestContext): Promise<Result<{ user: UserRecord }>> {
  const linked = await findLinkedUser(identity.provider, identity.subject);
  if (linked) {
    await touchLink(linked.link.id);
    return { ok: true, user: linked.user };
  }
  const config = getConfig().oauth;
  if (!identity.emailVerified || !identity.email) return fail("IDENTITY_NOT_REGISTERED");
  const existing = await findUserByEmail(identity.email);
  if (existing) {
    if (!config.linkByVerifiedEmail) return fail("IDENTITY_NOT_REGISTERED");
    // A disabled account is refused by the gate; it gains no link on the way.
    if (!existing.active) return fail("DISABLED_ACCOUNT");
    const link = await linkIdentity(existing, identity, ctx);
    // The account already has another identity of this provider: this one is not it.
    if (!link.ok) return fail("IDENTITY_NOT_REGISTERED");
    return { ok: true, user: existing };
  }
  if (!config.allowRegister) return fail("IDENTITY_NOT_REGISTERED");
  return registerFromProvider(identity, identity.email, ctx);
}

/** A new account from a provider identity (SECURITY_OAUTH_ALLOW_REGISTER): confirmed, since the provider verified the email; no password. */
async function registerFromProvider(identity: ProviderIdentity, email: string, ctx: RequestContext): Promise<Result<{ user: UserRecord }>> {
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const user = await createUser({ email, confirmed: true }, tx);
    if (user) await recordEvent("user_registered", { userId: user.id, ctx, data: { via: identity.provider } }, tx);
    return user;
  });
  // Taken meanwhile (a registration racing this one): that account is not this identity's.
  if (!created) return fail("IDENTITY_NOT_REGISTERED");
  const link = await linkIdentity(created, identity, ctx);
  return link.ok ? { ok: true, user: created } : link;
}

/**
 * An OAuth answer as a first factor, through the one gate: the per-IP budget, the account's
 * state (disabled, unconfirmed, locked), then two-factor exactly as after a password.
 */
export function signInWithOAuth(identity: ProviderIdentity, options: SignInOptions, ctx: RequestContext): Promise<Result<SignInSuccess>> {
  return signInWith(
    {
      kind: "self-identifying",
      ipBudget: RATE_LIMITS.loginPerIp,
      prove: async () => {
        const resolved = await resolveOAuthAccount(identity, ctx);
        return resolved.ok ? { ok: true, user: resolved.user, via: ["oauth"] } : resolved;
      },
    },
    options,
    ctx,
  );
}
