import type { CDPSession, Page } from "@playwright/test";

/**
 * A CDP virtual authenticator (Chromium): a platform authenticator with resident keys and user
 * verification that answers every request by itself, like Touch ID confirmed at once.
 */
export interface VirtualAuthenticator {
  cdp: CDPSession;
  id: string;
  /** The credentials it holds, private keys included (CDP exposes them for tests). */
  credentials(): Promise<HeldCredential[]>;
  setUserVerified(verified: boolean): Promise<void>;
  remove(): Promise<void>;
}

/** CDP's WebAuthn.Credential (base64, not base64url, for IDs and keys). */
export interface HeldCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export async function addVirtualAuthenticator(
  page: Page,
  /**
   * hasResidentKey false: a simple security key that cannot hold passkeys (Chromium, asked for a
   * "preferred" discoverable credential, then makes a non-discoverable one; a key that could but
   * has no user verification would need a PIN set, which a test without UI cannot do).
   */
  options: { transport?: "internal" | "usb"; hasUserVerification?: boolean; hasResidentKey?: boolean } = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: options.transport ?? "internal",
      hasResidentKey: options.hasResidentKey ?? true,
      hasUserVerification: options.hasUserVerification ?? true,
      isUserVerified: options.hasUserVerification ?? true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    id: authenticatorId,
    async credentials() {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials;
    },
    async setUserVerified(verified: boolean) {
      await cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified: verified });
    },
    async remove() {
      await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    },
  };
}

/** Adds a passkey from /account/security/passkeys (the session must be fresh); waits for the success notice. */
export async function addPasskey(page: Page, name: string, usage: "Sign in" | "Second step" = "Sign in"): Promise<void> {
  await page.goto("/account/security/passkeys");
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: new RegExp(`^${usage}`) }).check();
  await form.getByRole("button", { name: "Add passkey" }).click();
  await page.waitForURL(/\/account\/security\/passkeys\?notice=WEBAUTHN_REGISTER_SUCCESSFUL/);
}

/** Simulates a browser without passkey autofill (conditional mediation), so only explicit buttons run ceremonies. */
export async function disablePasskeyAutofill(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
