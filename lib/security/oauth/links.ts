import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, tables, type Queryable } from "@/lib/db";
import { getConfig } from "../config";
import { fail, isUniqueViolation, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "../accounts/users";
import type { ProviderIdentity } from "../sessions/oauth-handoff";
import { queueEmail } from "@/lib/outbox/queue";

export type OAuthLink = typeof tables.oauthAccounts.$inferSelect;

/** The account a provider identity is linked to: by the provider's subject, never by its email. */
export async function findLinkedUser(provider: string, subject: string, db?: Queryable): Promise<{ link: OAuthLink; user: UserRecord } | null> {
  const q = db ?? (await getDb());
  const [row] = await q
    .select({ link: tables.oauthAccounts, user: tables.users })
    .from(tables.oauthAccounts)
    .innerJoin(tables.users, eq(tables.users.id, tables.oauthAccounts.userId))
    .where(and(eq(tables.oauthAccounts.provider, provider), eq(tables.oauthAccounts.subject, subject)));
  return row ?? null;
}

export async function listLinks(userId: string, db?: Queryable): Promise<OAuthLink[]> {
  const q = db ?? (await getDb());
  return q.select().from(tables.oauthAccounts).where(eq(tables.oauthAccounts.userId, userId)).orderBy(tables.oauthAccounts.createdAt);
}

/** A linked identity was used to sign in or re-verify. */
export async function touchLink(id: string): Promise<void> {
  await (await getDb()).update(tables.oauthAccounts).set({ lastUsedAt: new Date() }).where(eq(tables.oauthAccounts.id, id));
}

/**
 * Links a provider identity to an account, with its activity event and the owner's notice, in one
 * transaction. The unique indexes decide races: an identity linked to another account meanwhile, or
 * a second identity of the same provider, is refused, never overwritten.
 */
export async function linkIdentity(user: UserRecord, identity: ProviderIdentity, ctx: RequestContext): Promise<Result<{ link: OAuthLink }>> {
  const run = async (tx: Queryable): Promise<Result<{ link: OAuthLink }>> => {
    const [link] = await tx
      .insert(tables.oauthAccounts)
      .values({ userId: user.id, provider: identity.provider, subject: identity.subject, email: identity.email, lastUsedAt: new Date() })
      .returning();
    if (!link) throw new Error("oauth link insert returned nothing");
    await recordEvent("oauth_linked", { userId: user.id, ctx, data: { provider: identity.provider, email: identity.email } }, tx);
    await notifyOAuthChange(user, "linked", identity.provider, identity.email, tx);
    return { ok: true, link };
  };
  try {
    return await (await getDb()).transaction(run);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findLinkedUser(identity.provider, identity.subject);
    return existing && existing.user.id !== user.id ? fail("OAUTH_IDENTITY_IN_USE") : fail("OAUTH_PROVIDER_ALREADY_LINKED");
  }
}

/**
 * Unlinks a provider, unless it is the account's last way to sign in (no password, no "sign in"
 * passkey, no one-time-code method, no other provider). The user row is locked first, so two
 * removals at once cannot both see "another way left".
 */
export async function unlinkProvider(user: UserRecord, provider: string, ctx: RequestContext): Promise<Result> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    const [locked] = await tx.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, user.id)).for("update");
    const links = await listLinks(user.id, tx);
    const link = links.find((l) => l.provider === provider);
    if (!locked || !link) return fail("OAUTH_NOT_AVAILABLE");
    const otherWays = (locked.passwordHash ? 1 : 0) + (links.length - 1) + (await otherSignInWays(user.id, tx));
    if (otherWays < 1) return fail("OAUTH_LAST_SIGN_IN_METHOD");
    await tx.delete(tables.oauthAccounts).where(eq(tables.oauthAccounts.id, link.id));
    await recordEvent("oauth_unlinked", { userId: user.id, ctx, data: { provider, email: link.email } }, tx);
    await notifyOAuthChange(user, "unlinked", provider, link.email, tx);
    return { ok: true };
  });
}

/** "Sign in" passkeys (when passkeys are on) and one-time-code sign-in methods. */
async function otherSignInWays(userId: string, tx: Queryable): Promise<number> {
  const [row] = await tx
    .select({
      passkeys: sql<number>`(select count(*)::int from webauthn_credentials w where w.user_id = ${userId}::uuid and w.usage = 'first')`,
      methods: sql<number>`(select count(*)::int from sign_in_methods m where m.user_id = ${userId}::uuid)`,
    })
    .from(sql`(select 1) as one`);
  return (getConfig().webauthn.enabled ? (row?.passkeys ?? 0) : 0) + (row?.methods ?? 0);
}

/** How many provider identities an account has (what the other factors' "last way to sign in" checks count). */
export async function countLinks(userId: string, db: Queryable): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.oauthAccounts)
    .where(eq(tables.oauthAccounts.userId, userId));
  return row?.n ?? 0;
}

async function notifyOAuthChange(
  user: UserRecord,
  change: "linked" | "unlinked",
  provider: string,
  providerEmail: string | null,
  db: Queryable,
): Promise<void> {
  const config = getConfig();
  const name = config.oauth.providers.find((p) => p.id === provider)?.name ?? provider;
  await queueEmail(
    "oauth_changed",
    user.email,
    { appName: config.appName, email: user.email, change, provider: name, providerEmail, connectionsLink: `${config.appUrl}/account/connections` },
    db,
  );
}
