import { createHash } from "node:crypto";
import { getConfig } from "@/lib/security/config";

/** The tag a prerendered page carries its settings' fingerprint in (read by scripts/static-pages.mjs). */
export const SETTINGS_META = "gatehouse-settings";

/**
 * The settings the prerendered anonymous pages show (decision 067): the product's name, which
 * features, identities, sign-in methods and providers they offer, and the form rules. A static page
 * renders them at build time; a server started with other values must not serve those pages, so
 * their fingerprint is recorded at build (in the HTML, then the manifest) and compared at run time.
 * The pages read their settings through this function only, so the fingerprint covers them all.
 * Secrets never enter it (providers are named by id and label).
 */
export function staticPageSettings() {
  const config = getConfig();
  return {
    appName: config.appName,
    features: config.features,
    username: config.username,
    unified: { enabled: config.unified.enabled, methods: config.unified.methods },
    webauthn: { enabled: config.webauthn.enabled, allowAsFirstFactor: config.webauthn.allowAsFirstFactor },
    magicLink: { enabled: config.magicLink.enabled },
    forms: config.forms,
    password: { minLength: config.password.minLength },
    passwordRequired: config.passwordRequired,
    oauth: { providers: config.oauth.providers.map(({ id, name }) => ({ id, name })) },
  };
}

export type StaticPageSettings = ReturnType<typeof staticPageSettings>;

let fingerprint: string | undefined;

/** SHA-256 of the settings above, computed once per process (the environment is read once too). */
export function staticSettingsFingerprint(): string {
  fingerprint ??= createHash("sha256").update(JSON.stringify(staticPageSettings())).digest("base64url");
  return fingerprint;
}
