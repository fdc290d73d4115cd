// Helpers for the passkey integration tests: a signed-in user with a real session row, passkeys
// registered through the real ceremony with the software authenticator, and the rows behind them.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb, tables } from "@/lib/db";
import { getConfig, type PasskeyUsage } from "@/lib/security/config";
import { hashToken } from "@/lib/security/core/crypto";
import { beginPasskeyRegistration, finishPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { createSession, findActiveSession, type SessionRecord } from "@/lib/security/sessions/store";
import type { UserRecord } from "@/lib/security/accounts/users";
import { newCtx, registerConfirmed, uniqueEmail } from "./flows";
import type { CreateCredentialOptions, SoftwareAuthenticator } from "./webauthn-authenticator";

export type PasskeyRow = typeof tables.webauthnCredentials.$inferSelect;
export type CeremonyRow = typeof tables.webauthnChallenges.$inferSelect;

/** The origin the server expects (derived from APP_URL unless WEBAUTHN_ORIGINS is set). */
export function rpOrigin(): string {
  const origin = getConfig().webauthn.origins[0];
  if (!origin) throw new Error("no WebAuthn origin configured");
  return origin;
}

export interface SignedIn {
  email: string;
  user: UserRecord;
  token: string;
  session: SessionRecord;
}

/** A confirmed user (with a password) and a session row, as after a password sign-in. */
export async function signedInUser(tag = "pk"): Promise<SignedIn> {
  const email = uniqueEmail(tag);
  const registered = await registerConfirmed(email);
  const { token } = await createSession(registered, { authnVia: ["password"], remember: false, ctx: newCtx() });
  return { email, token, ...(await reload(token)) };
}

/** The user and session as they are now in the database (after a handle, password or freshness change). */
export async function reload(token: string): Promise<{ user: UserRecord; session: SessionRecord }> {
  const active = await findActiveSession(token);
  if (!active) throw new Error("session is gone");
  return { user: active.user, session: active.session };
}

/** Registers a passkey through begin/finish; returns its credential ID and row. */
export async function addPasskey(
  who: SignedIn,
  authenticator: SoftwareAuthenticator,
  input: { name: string; usage: PasskeyUsage },
  options: Partial<CreateCredentialOptions> = {},
): Promise<{ credentialId: string; row: PasskeyRow }> {
  const { user } = await reload(who.token);
  const started = await beginPasskeyRegistration(user, who.session, input);
  if (!started.ok) throw new Error(`begin registration failed: ${started.code}`);
  const credential = authenticator.createCredential(started.options, { origin: rpOrigin(), ...options });
  const finished = await finishPasskeyRegistration(user, who.session, { state: started.state, credential }, newCtx());
  expect(finished).toMatchObject({ ok: true });
  const row = await passkeyRow(credential.id);
  if (!row) throw new Error("registered passkey has no row");
  return { credentialId: credential.id, row };
}

export async function passkeyRow(credentialId: string): Promise<PasskeyRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(tables.webauthnCredentials).where(eq(tables.webauthnCredentials.credentialId, credentialId));
  return row;
}

export async function passkeysOf(userId: string): Promise<PasskeyRow[]> {
  const db = await getDb();
  return db.select().from(tables.webauthnCredentials).where(eq(tables.webauthnCredentials.userId, userId));
}

/** The ceremony row behind a state the browser holds (keyed by the state's SHA-256). */
export async function ceremonyRow(state: string): Promise<CeremonyRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.webauthnChallenges)
    .where(eq(tables.webauthnChallenges.stateHash, hashToken(state)));
  return row;
}

/** Moves a ceremony's expiry into the past, as if the user had walked away. */
export async function expireCeremony(state: string): Promise<void> {
  const db = await getDb();
  const moved = await db
    .update(tables.webauthnChallenges)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(tables.webauthnChallenges.stateHash, hashToken(state)))
    .returning({ stateHash: tables.webauthnChallenges.stateHash });
  expect(moved).toHaveLength(1);
}

/** A user with no password (signs in with passkeys only). */
export async function removePassword(userId: string): Promise<void> {
  const db = await getDb();
  await db.update(tables.users).set({ passwordHash: null }).where(eq(tables.users.id, userId));
}
