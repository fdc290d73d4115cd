import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig, type PasskeyUsage } from "../config";
import { randomToken } from "../core/crypto";
import { fail, messageFor, type Result } from "../core/errors";
import { utility } from "../core/plugins";
import { INVALID_TEXT_MESSAGE } from "../core/schemas";
import type { UserRecord } from "../accounts/users";
import { SECURITY_PAGES } from "../core/account-pages";

export type PasskeyRecord = typeof tables.webauthnCredentials.$inferSelect;

// Control and formatting characters (bidi overrides, zero-width spaces…) would make two names
// look alike or reorder the list; ZWJ and variation selectors are kept for emoji.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const ALLOWED_FORMAT = /[\u200d\ufe0e\ufe0f]/u;
const MARKUP = /[<>]/;
// A name must show something: not only joiners, variation selectors or blank-looking letters
// (Hangul fillers, the braille blank).
const VISIBLE = /[^\s\u200d\ufe0e\ufe0f\u115f\u1160\u3164\uffa0\u2800]/u;

/** What the name field says when it holds markup: refused, not cleaned, so the owner sees what is kept. */
const PASSKEY_NAME_MARKUP_MESSAGE = "A passkey name cannot contain < or >";

/**
 * A passkey name as shown in lists and emails: well-formed Unicode, NFKC, invisible characters
 * removed, whitespace collapsed. Markup is refused (INVALID_INPUT), as is a name over
 * SECURITY_WAN_NAME_MAX_LENGTH characters (INVALID_INPUT_LENGTH; Flask-Security: 64, and both its keys).
 */
export function sanitizePasskeyName(raw: string): Result<{ name: string }> {
  // Core callers need not have come through the form's schema: a lone surrogate is refused here
  // too (the name goes into a JSON challenge payload and the activity log, which refuse it).
  if (!raw.isWellFormed()) return fail("INVALID_INPUT", { name: [INVALID_TEXT_MESSAGE] });
  const cleaned = raw
    .normalize("NFKC")
    .replace(INVISIBLE, (c) => (ALLOWED_FORMAT.test(c) ? c : " "))
    .replace(/\s+/g, " ")
    .trim();
  // After NFKC: fullwidth and small forms of < and > become the real ones and are caught too.
  if (MARKUP.test(cleaned)) return fail("INVALID_INPUT", { name: [PASSKEY_NAME_MARKUP_MESSAGE] });
  if (!VISIBLE.test(cleaned)) return fail("WEBAUTHN_NAME_REQUIRED", { name: ["Give your passkey a name"] });
  const max = getConfig().webauthn.nameMaxLength;
  if ([...cleaned].length > max) {
    return { ...fail("INVALID_INPUT_LENGTH", { name: [messageFor("INVALID_INPUT_LENGTH", { length: max })] }), params: { length: max } };
  }
  return { ok: true, name: cleaned };
}

export async function listPasskeys(userId: string, db?: Queryable): Promise<PasskeyRecord[]> {
  return (db ?? (await getDb()))
    .select()
    .from(tables.webauthnCredentials)
    .where(eq(tables.webauthnCredentials.userId, userId))
    .orderBy(asc(tables.webauthnCredentials.createdAt));
}

export async function findPasskeyByCredentialId(credentialId: string): Promise<(PasskeyRecord & { user: UserRecord }) | null> {
  if (!/^[A-Za-z0-9_-]{1,1400}$/.test(credentialId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ passkey: tables.webauthnCredentials, user: tables.users })
    .from(tables.webauthnCredentials)
    .innerJoin(tables.users, eq(tables.users.id, tables.webauthnCredentials.userId))
    .where(eq(tables.webauthnCredentials.credentialId, credentialId));
  return row ? { ...row.passkey, user: row.user } : null;
}

/** Whether the user has passkeys for a usage (e.g. "secondary" ones make a second factor). */
export async function countPasskeys(userId: string, usage?: PasskeyUsage): Promise<number> {
  if (!getConfig().webauthn.enabled) return 0;
  const db = await getDb();
  const table = tables.webauthnCredentials;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(usage ? and(eq(table.userId, userId), eq(table.usage, usage)) : eq(table.userId, userId));
  return row?.n ?? 0;
}

/**
 * The user's WebAuthn user handle (user.id on the authenticator): 32 random bytes, created on
 * first use and never changed, so it reveals nothing about the account and survives email changes.
 */
export async function ensureUserHandle(user: Pick<UserRecord, "id" | "webauthnUserHandle">): Promise<string> {
  if (user.webauthnUserHandle) return user.webauthnUserHandle;
  const db = await getDb();
  // coalesce: two first registrations racing agree on one handle.
  const [row] = await db
    .update(tables.users)
    .set({ webauthnUserHandle: sql`coalesce(${tables.users.webauthnUserHandle}, ${newUserHandle()})` })
    .where(eq(tables.users.id, user.id))
    .returning({ handle: tables.users.webauthnUserHandle });
  if (!row?.handle) throw new Error("user vanished while creating a WebAuthn user handle");
  return row.handle;
}

export async function findPasskey(userId: string, id: string): Promise<PasskeyRecord | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.webauthnCredentials)
    .where(and(eq(tables.webauthnCredentials.id, id), eq(tables.webauthnCredentials.userId, userId)));
  return row ?? null;
}

/**
 * Tells the account owner a passkey was added or removed (through the outbox, in the change's
 * transaction when given). `usage` says what it does: a second-factor key does not sign in alone.
 */
export async function notifyPasskeyChange(
  user: Pick<UserRecord, "email">,
  change: "added" | "removed",
  passkey: { name: string; usage: PasskeyUsage },
  db?: Queryable,
): Promise<void> {
  const config = getConfig();
  await queueEmail(
    "passkey_changed",
    user.email,
    {
      appName: config.appName,
      email: user.email,
      change,
      name: passkey.name,
      usage: passkey.usage,
      passkeysLink: `${config.appUrl}${SECURITY_PAGES.passkeys}`,
    },
    db,
  );
}

/** The WebAuthn utility's user handle (lib/security/plugins.ts), by default 32 random bytes. */
function newUserHandle(): string {
  const custom = utility("webauthn").newUserHandle;
  return custom ? custom(randomToken) : randomToken();
}
