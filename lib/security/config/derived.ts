import type { Env } from "./env";
import type { TwoFactorMethod, UnifiedMethod } from "./values";

/** Settings computed from several variables (shared by the env checks and the config object). */

/** Twilio when configured (or asked for), else the dev outbox. */
export function smsTransportOf(env: Pick<Env, "SMS_TRANSPORT" | "TWILIO_ACCOUNT_SID">): "twilio" | "outbox" {
  return env.SMS_TRANSPORT ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "outbox");
}

/** Outside production the outbox "delivers" texts; in production only Twilio does (or an outbox-only staging deployment). */
function smsDeliverable(env: Env): boolean {
  return smsTransportOf(env) === "twilio" || env.NODE_ENV !== "production" || env.MAIL_TRANSPORT === "outbox";
}

/** Like two-factor, SMS is only offered in production once a transport can deliver it. */
export function unifiedOffered(env: Env): UnifiedMethod[] {
  return env.SECURITY_US_ENABLED_METHODS.items.filter((m) => m !== "sms" || smsDeliverable(env));
}

export interface WebAuthnSettings {
  rpId: string;
  rpName: string;
  origins: string[];
}

/**
 * Relying party ID and accepted origins, from WEBAUTHN_* or derived from APP_URL. Returns an
 * error message when an origin is not on the RP ID's domain (browsers would refuse every ceremony).
 */
export function webauthnSettings(env: Env): WebAuthnSettings | string {
  const appUrl = new URL(env.APP_URL);
  const rpId = (env.WEBAUTHN_RP_ID ?? appUrl.hostname).toLowerCase();
  const origins: string[] = [];
  for (const raw of (env.WEBAUTHN_ORIGINS ?? appUrl.origin)
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return `"${raw}" is not an origin (e.g. https://app.example.com)`;
    }
    if (url.origin !== raw.replace(/\/+$/, "")) return `"${raw}" is not an origin: no path, query or trailing parts`;
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      return `origin ${url.origin} is not on the WebAuthn RP ID "${rpId}" (set WEBAUTHN_RP_ID to its domain)`;
    }
    origins.push(url.origin);
  }
  if (!origins.length) return "at least one origin is required";
  return { rpId, rpName: env.WEBAUTHN_RP_NAME ?? env.SECURITY_APP_NAME, origins };
}

/** In production the outbox cannot deliver texts, so sms is only offered once Twilio is configured. */
export function offeredMethods(env: Env): TwoFactorMethod[] {
  const methods = env.SECURITY_TWO_FACTOR_ENABLED_METHODS.items;
  return smsDeliverable(env) ? methods : methods.filter((m) => m !== "sms");
}
