import "server-only";
import { and, eq, lt, type SQL } from "drizzle-orm";
import { type Queryable, tables } from "@/lib/db";
import type { UserRecord } from "./users";

/**
 * Account pre-hijacking: someone registers a victim's address before the victim does and adds a
 * passkey, a sign-in method or two-factor while the address is unconfirmed (or before its owner
 * clicks the confirmation link that landed in their inbox). When the address's owner resets the
 * password, those factors are theirs to lose: everything created before the address was
 * confirmed goes. Returns what was removed, in words, for the reset notice.
 */
export async function removeFactorsFromBeforeConfirmation(user: Pick<UserRecord, "id" | "confirmedAt">, tx: Queryable): Promise<string[]> {
  const before = (createdAt: Parameters<typeof lt>[0]): SQL | undefined => (user.confirmedAt ? lt(createdAt, user.confirmedAt) : undefined);
  const passkeys = await tx
    .delete(tables.webauthnCredentials)
    .where(and(eq(tables.webauthnCredentials.userId, user.id), before(tables.webauthnCredentials.createdAt)))
    .returning({ name: tables.webauthnCredentials.name });
  const methods = await tx
    .delete(tables.signInMethods)
    .where(and(eq(tables.signInMethods.userId, user.id), before(tables.signInMethods.createdAt)))
    .returning({ method: tables.signInMethods.method });
  const twoFactor = await tx
    .delete(tables.twoFactor)
    .where(and(eq(tables.twoFactor.userId, user.id), before(tables.twoFactor.createdAt)))
    .returning({ method: tables.twoFactor.method });
  const codes = await tx
    .delete(tables.recoveryCodes)
    .where(and(eq(tables.recoveryCodes.userId, user.id), before(tables.recoveryCodes.createdAt)))
    .returning({ userId: tables.recoveryCodes.userId });
  return [
    ...passkeys.map((p) => `the passkey "${p.name}"`),
    ...methods.map((m) => `sign-in by ${METHOD_WORDS[m.method] ?? m.method}`),
    ...twoFactor.map((t) => `two-factor authentication by ${METHOD_WORDS[t.method] ?? t.method}`),
    ...(codes.length ? [`${codes.length} recovery code${codes.length === 1 ? "" : "s"}`] : []),
  ];
}

const METHOD_WORDS: Record<string, string> = { email: "emailed codes", sms: "text message codes", authenticator: "an authenticator app" };
