/** The administrator the e2e web server creates before it starts (npm run admin:create). */
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e admin passphrase 42" };
