// Threat: an import half-applies a broken file, creates accounts twice on a re-run, invents roles from typos, or
// leaves imported users unable to sign in with their old password. Guarantee: the real command (spawned once, then in process).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { findRole } from "@/lib/security/accounts/roles";
import { findUserByEmail, getAuthorization } from "@/lib/security/accounts/users";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { runGatehouseHere, spawnGatehouse } from "../support/cli";
import { account } from "../support/datastore";
import { newCtx, STRONG_PASSWORD, uniqueEmail } from "../support/flows";

const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-import-"));
const file = (name: string, text: string): string => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

describe("npm run gatehouse -- users import", () => {
  it(
    "refuses a file with bad rows whole, imports a good one, skips what exists on a re-run, and an imported bcrypt hash signs in and is upgraded",
    { timeout: 600_000 },
    async () => {
      const existing = await account("import-existing");
      const [alice, bob, carol] = [uniqueEmail("alice"), uniqueEmail("bob"), uniqueEmail("carol")];
      const role = `importer-${crypto.randomUUID().slice(0, 8)}`;
      const bcryptHash = bcrypt.hashSync(STRONG_PASSWORD, 10);

      const broken = file(
        "broken.csv",
        [
          "email,password_hash,roles,confirmed",
          `${alice},${bcryptHash},${role},true`,
          "not-an-address,,,",
          `${bob},$2b$31$${"a".repeat(53)},,maybe`,
          `${alice},,,`,
        ].join("\n"),
      );
      const refused = await spawnGatehouse(["users", "import", broken, "--json"]);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.json).toMatchObject({ ok: false, created: 0 });
      const problems = (refused.json?.errors as { row: number; field: string }[]).map((e) => `${e.row}:${e.field}`);
      expect(problems).toEqual(["3:email", "4:password_hash", "4:confirmed"]);
      expect(await findUserByEmail(alice)).toBeNull();

      const good = file(
        "good.csv",
        [
          "email,username,password_hash,roles,confirmed,active",
          `${alice},,${bcryptHash},${role};${role}-b,true,`,
          `"${bob}",,"pbkdf2_sha256$1000$c2FsdA$${"A".repeat(43)}=",,yes,false`,
          `${carol},,,,,`,
          `${existing.email},,,,true,`,
        ].join("\r\n"),
      );
      const imported = await runGatehouseHere(["users", "import", good, "--create-roles", "--json"]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.json).toMatchObject({ ok: true, created: 3, skipped: [{ row: 5, email: existing.email }] });
      const a = await findUserByEmail(alice);
      expect(a).toMatchObject({ passwordHash: bcryptHash, active: true });
      expect(a?.confirmedAt).not.toBeNull();
      expect((await getAuthorization(a!.id)).roles.sort()).toEqual([role, `${role}-b`]);
      expect(await findUserByEmail(bob)).toMatchObject({ active: false });
      // No hash: the account exists and must set its password through a reset.
      expect(await findUserByEmail(carol)).toMatchObject({ passwordHash: null, confirmedAt: null });

      const again = await runGatehouseHere(["users", "import", good, "--json"]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.json).toMatchObject({ ok: true, created: 0 });
      expect((again.json?.skipped as unknown[]).length).toBe(4);

      const signedIn = await loginWithPassword({ identity: alice, password: STRONG_PASSWORD, remember: false }, newCtx());
      expect(signedIn.ok).toBe(true);
      expect((await findUserByEmail(alice))?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await findRole(`${role}-b`)).not.toBeNull();
    },
  );
});
