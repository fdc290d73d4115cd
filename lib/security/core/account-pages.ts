/**
 * The Sign-in & security page and its set-up pages (decision 064; the old URLs redirect here,
 * next.config.mjs): named once for the nav, the pages' redirects and the links in emails.
 */
export const SECURITY_PAGES = {
  overview: "/account/security",
  twoStep: "/account/security/two-step",
  passkeys: "/account/security/passkeys",
  signInCodes: "/account/security/sign-in-codes",
  recoveryCodes: "/account/security/recovery-codes",
} as const;
