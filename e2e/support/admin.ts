/** The administrator the e2e web server creates before it starts (npm run admin:create). */
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e admin passphrase 42" };

/** A user whose role requires two-factor (SECURITY_TWO_FACTOR_REQUIRED_ROLES); same password as the admin. */
export const E2E_REQUIRED_2FA = { email: "required-2fa@e2e.test", password: E2E_ADMIN.password, role: "security-team" };

/** Another such user, for the rescue queue: they set up two-factor, lose it, ask for help and are reset (e2e/admin-roles.spec.ts). */
export const E2E_RESCUE_2FA = { email: "rescue-2fa@e2e.test", password: E2E_ADMIN.password, role: E2E_REQUIRED_2FA.role };
