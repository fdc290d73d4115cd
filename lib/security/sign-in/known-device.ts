import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { EmailProps } from "@/emails";
import { localeOrDefault } from "@/lib/i18n/translator";
import { getConfig } from "../config";
import { hashToken, randomToken } from "../core/crypto";
import { encryptSecret } from "../core/encryption";
import { links } from "../core/links";
import { isKnownDeviceValue, type RequestContext } from "../core/request-context";
import { formatInstantIn } from "../core/time-zone";
import { describeUserAgent } from "../core/user-agent";
import type { UserRecord } from "../accounts/users";

/**
 * The new-device alert's part of a sign-in (decision 038). Whether this browser is new to the
 * account is only known inside the sign-in's statement (the row is inserted or was there), so the
 * alert is prepared before it — the mail's props encrypted, as the outbox stores them; a few
 * microseconds — and the statement writes it only when the row was new and the account already
 * had a known device. No extra round trip, known device or not.
 */
export interface KnownDeviceWrite {
  /** What the browser's known-device cookie is set to after the sign-in (its own value, or a new one). */
  cookieValue: string;
  deviceHash: string;
  to: string;
  payloadEncrypted: string;
  device: string;
  /** The recipient's language, in which the outbox renders the alert (decision 070). */
  locale: string;
}

/** Null when the alert is switched off (SECURITY_NEW_DEVICE_ALERT=false): no cookie, no rows. */
export function knownDeviceWrite(user: Pick<UserRecord, "email" | "timeZone" | "locale">, ctx: RequestContext): KnownDeviceWrite | null {
  const config = getConfig();
  if (!config.features.newDeviceAlert) return null;
  // A value we never minted (absent, forged, malformed) is replaced: the browser is new either way.
  const cookieValue = isKnownDeviceValue(ctx.knownDevice) ? ctx.knownDevice : randomToken();
  const device = describeUserAgent(ctx.userAgent);
  const props: EmailProps<"new_device_sign_in"> = {
    appName: config.appName,
    email: user.email,
    // In the reader's language and the zone the account's browser last reported (decision 066), else UTC; the zone is named.
    at: formatInstantIn(new Date(), user.timeZone, localeOrDefault(user.locale)),
    device,
    ip: ctx.ip,
    sessionsLink: links.sessions(),
    resetLink: config.features.recoverable ? links.forgotPassword() : null,
  };
  return {
    cookieValue,
    deviceHash: hashToken(cookieValue),
    to: user.email,
    payloadEncrypted: encryptSecret(JSON.stringify(props)),
    device,
    locale: localeOrDefault(user.locale),
  };
}

/**
 * The sign-in statement's CTEs for the device (after `go`, which says the sign-in goes ahead):
 * `prior` reads whether the account had any known device (the statement's snapshot, before this
 * insert), `device` inserts the (account, device) row — ON CONFLICT makes two concurrent sign-ins
 * from one new browser insert it once, the other waits and finds it — `seen` moves a known row's
 * last-seen, `alert` queues the mail only for a new row on an account that had one before.
 */
export function knownDeviceCtes(userId: string, write: KnownDeviceWrite | null): SQL {
  const hash = write?.deviceHash ?? null;
  return sql`
    prior as (
      select exists (select 1 from known_devices where user_id = ${userId}::uuid) as had_one
    ), device as (
      insert into known_devices (user_id, device_hash)
      select ${userId}::uuid, ${hash}::text from go where go.ok and ${hash}::text is not null
      on conflict (user_id, device_hash) do nothing
      returning 1
    ), seen as (
      update known_devices set last_seen_at = now()
      where user_id = ${userId}::uuid and device_hash = ${hash}::text and (select ok from go)
      returning 1
    ), alert as (
      insert into outbox (kind, "to", template, payload_encrypted, locale)
      select 'email', ${write?.to ?? null}::text, 'new_device_sign_in', ${write?.payloadEncrypted ?? null}::text, ${write?.locale ?? null}::text
      where exists (select 1 from device) and (select had_one from prior)
      returning id
    )`;
}
