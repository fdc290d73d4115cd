/**
 * Creates the first administrator, or promotes an existing account:
 *   npm run admin:create -- admin@example.com            (prompts for a password)
 *   ADMIN_PASSWORD=… npm run admin:create -- admin@example.com
 * The account is created confirmed and gets the admin role (SECURITY_ADMIN_ROLE).
 */
import { createInterface } from "node:readline/promises";
import { closeDb } from "../lib/db";
import { getConfig } from "../lib/security/config";
import { messageFor } from "../lib/security/errors";
import { validateEmail } from "../lib/security/identity";
import { checkPasswordPolicy } from "../lib/security/password-policy";
import { addRoleToUser, createUser, findOrCreateRole, findUserByEmail } from "../lib/security/users";

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password for the new admin: ");
  rl.close();
  return answer;
}

async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email || validateEmail(email)) throw new Error("usage: npm run admin:create -- <email>");
  const role = getConfig().adminRole;
  await findOrCreateRole(role, { description: "Administrators", permissions: ["users:read", "users:write"] });
  const existing = await findUserByEmail(email);
  if (existing) {
    await addRoleToUser(existing.id, role);
    console.log(`${existing.email} now has the ${role} role.`);
    return;
  }
  const password = await readPassword();
  const policyError = await checkPasswordPolicy(password, { email });
  if (policyError) throw new Error(messageFor(policyError));
  const user = await createUser({ email, password, confirmed: true, roles: [role] });
  console.log(`Created ${user?.email} with the ${role} role.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
