import "server-only";
import { getConfig } from "@/lib/security/config";
import { countPasskeys } from "@/lib/security/passkeys/credentials";

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
 * is on, whether a passkey can verify, and the OAuth providers (none yet).
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
    oauth_enabled: false,
    oauth_providers: [],
  };
}
