/**
 * Creates a confirmed account with roles, or adds roles to an existing one:
 *   npm run user:create -- someone@example.com --role editor [--role …]   (prompts for a password)
 *   ADMIN_PASSWORD=… npm run admin:create -- you@example.com              (the admin role)
 * The admin role is SECURITY_ADMIN_ROLE (default "admin").
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeDb } from "../lib/db";
import { getConfig } from "../lib/security/config";
import { messageFor } from "../lib/security/core/errors";
import { validateEmail } from "../lib/security/accounts/identity";
import { checkPasswordPolicy } from "../lib/security/passwords/policy";
import { findOrCreateRole } from "../lib/security/accounts/roles";
import { addRoleToUser } from "../lib/security/accounts/user-roles";
import { createUser, findUserByEmail } from "../lib/security/accounts/users";

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password for the new account: ");
  rl.close();
  return answer;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: "string", multiple: true }, admin: { type: "boolean" } } });
  const email = positionals[0];
  if (!email || validateEmail(email)) throw new Error("usage: npm run user:create -- <email> [--role name …] [--admin]");
  const roles = [...(values.role ?? []), ...(values.admin ? [getConfig().adminRole] : [])];
  for (const role of roles) {
    const isAdmin = role === getConfig().adminRole;
    await findOrCreateRole(role, isAdmin ? { description: "Administrators", permissions: ["users:read", "users:write"] } : {});
  }
  const existing = await findUserByEmail(email);
  if (existing) {
    for (const role of roles) await addRoleToUser(existing.id, role);
    console.log(`${existing.email} now has the role(s): ${roles.join(", ") || "(none added)"}.`);
    return;
  }
  const password = await readPassword();
  const policyError = await checkPasswordPolicy(password, { email });
  if (policyError) throw new Error(messageFor(policyError));
  const user = await createUser({ email, password, confirmed: true, roles });
  console.log(`Created ${user?.email}${roles.length ? ` with the role(s): ${roles.join(", ")}` : ""}.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
