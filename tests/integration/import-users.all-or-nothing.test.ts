// Threat: an import that half-applies, invents roles from typos, takes another account's username or phone, or
// creates an account twice. Guarantee: every row checked first, with its number; only a clean file is written.
import { describe, expect, it } from "vitest";
import { createRole } from "@/lib/security/accounts/roles";
import { findUserByEmail, getAuthorization } from "@/lib/security/accounts/users";
import { checkRecord, parseCsv, readRecords, type ImportRow } from "@/lib/security/lifecycle/import-rows";
import { importUsers } from "@/lib/security/lifecycle/import-users";
import { account } from "../support/datastore";
import { uniqueEmail, withEnvForTheFile } from "../support/flows";

withEnvForTheFile({ SECURITY_USERNAME_ENABLE: "true" });

function rows(records: Record<string, unknown>[]): ImportRow[] {
  return records.map((r, i) => {
    const checked = checkRecord(i + 1, r);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.value;
  });
}

const name = (): string => `n${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;

describe("importUsers", () => {
  it("reads quoted CSV fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
    expect(readRecords("name,email\n", "csv")).toMatchObject({ error: expect.stringContaining("unknown column") });
    expect(readRecords('{"email":"a@b.co"}', "json")).toMatchObject({ error: expect.stringContaining("array") });
  });

  it("reports every field's problem of a JSON entry, with its number", () => {
    const checked = checkRecord(7, { email: 42, roles: "x", confirmed: "sometimes", password_hash: "plaintext", extra: 1 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual(["7:confirmed", "7:email", "7:extra", "7:password_hash"]);
  });

  it("writes nothing when one row is refused (an unknown role), and creates the role only when asked", async () => {
    const [a, b] = [uniqueEmail("batch-a"), uniqueEmail("batch-b")];
    const typo = `edtior-${crypto.randomUUID().slice(0, 6)}`;
    const input = rows([{ email: a }, { email: b, roles: [typo] }]);
    const refused = await importUsers(input);
    expect(refused).toMatchObject({ ok: false, created: [], errors: [{ row: 2, field: "roles" }] });
    expect(await findUserByEmail(a)).toBeNull();
    const dry = await importUsers(input, { dryRun: true, createRoles: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: [{ row: 1 }, { row: 2 }] });
    expect(await findUserByEmail(a)).toBeNull();
    expect(await importUsers(input, { createRoles: true })).toMatchObject({ ok: true, created: [{ row: 1 }, { row: 2 }] });
    expect((await getAuthorization((await findUserByEmail(b))!.id)).roles).toEqual([typo]);
  });

  it("skips an existing address by default and refuses it when told; a taken username or phone, or a duplicate in the file, is an error", async () => {
    const existing = await account("import-exists");
    const role = `known-${crypto.randomUUID().slice(0, 6)}`;
    expect((await createRole({ name: role })).ok).toBe(true);
    const fresh = uniqueEmail("fresh");
    const input = rows([{ email: existing.email.toUpperCase() }, { email: fresh, roles: role, phone: "+1 650 253 0000" }]);
    expect(await importUsers(input, { existing: "refuse" })).toMatchObject({ ok: false, errors: [{ row: 1, field: "email" }] });
    expect(await importUsers(input)).toMatchObject({ ok: true, created: [{ row: 2 }], skipped: [{ row: 1 }] });
    // The phone is now the SMS sign-in number of that account; no second account may take it.
    const username = name();
    const clash = rows([
      { email: uniqueEmail("p"), phone: "+16502530000" },
      { email: uniqueEmail("u"), username },
      { email: uniqueEmail("u2"), username: username.toUpperCase() },
    ]);
    const report = await importUsers(clash);
    expect(report.errors.map((e) => `${e.row}:${e.field}`)).toEqual(["1:phone", "3:username"]);
  });
});
