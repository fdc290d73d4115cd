import "server-only";
import { getConfig } from "@/lib/security/config";
import { countPasskeys } from "@/lib/security/passkeys/credentials";
import { listLinks } from "@/lib/security/oauth/links";

/** Whether one of the user's passkeys may re-verify them (SECURITY_WAN_ALLOW_AS_VERIFY). */
export async function hasWebauthnVerifyCredential(userId: string): Promise<boolean> {
  const { webauthn } = getConfig();
  if (!webauthn.enabled) return false;
  const counts = await Promise.all(webauthn.allowAsVerify.map((usage) => countPasskeys(userId, usage)));
  return counts.some((n) => n > 0);
}

/**
 * What a 401 for stale freshness carries, as Flask-Security's does, so a client can offer the
 * ways to re-verify without another call: `reauth_required`, whether unified sign-in (us-verify)
 * is on, whether a passkey can verify, and the OAuth providers that can.
 */
export async function reauthDetails(userId: string | undefined): Promise<{
  reauth_required: true;
  unified_signin_enabled: boolean;
  has_webauthn_verify_credential: boolean;
  oauth_enabled: boolean;
  oauth_providers: string[];
}> {
  return {
    reauth_required: true,
    unified_signin_enabled: getConfig().unified.enabled,
    has_webauthn_verify_credential: userId ? await hasWebauthnVerifyCredential(userId) : false,
    ...(userId ? await oauthVerifyProviders(userId) : { oauth_enabled: getConfig().oauth.providers.length > 0, oauth_providers: [] }),
  };
}

/**
 * Flask-Security's `oauth_enabled` (a provider is configured) and `oauth_providers`: the providers
 * this account may re-verify with — those it has linked and that are still configured, as the
 * /verify page offers them (a provider the account never used would sign in someone else).
 */
export async function oauthVerifyProviders(userId: string): Promise<{ oauth_enabled: boolean; oauth_providers: string[] }> {
  const configured = getConfig().oauth.providers;
  if (!configured.length) return { oauth_enabled: false, oauth_providers: [] };
  const linked = new Set((await listLinks(userId)).map((l) => l.provider));
  return { oauth_enabled: true, oauth_providers: configured.filter((p) => linked.has(p.id)).map((p) => p.id) };
}
