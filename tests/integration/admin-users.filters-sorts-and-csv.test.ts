// Threat: the admin list's filters let through users not in the state asked for (or hide some), a
// sort skips or repeats users between keyset pages, or the CSV export runs a formula in a spreadsheet.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { createUser, type UserRecord } from "@/lib/security/accounts/users";
import { searchUsers, type UserSearch } from "@/lib/security/accounts/user-search";
import { csvCell, exportUsersCsv } from "@/lib/security/accounts/user-export";
import type { FlagFilter } from "@/lib/security/accounts/user-filters";
import type { Direction, Sort } from "@/lib/security/accounts/user-list-order";
import { walk } from "../support/admin-list";
import { saveMethod } from "../support/two-factor";

const tag = `flt${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function makeUsers(role: string, n: number): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser({ email: `${tag}-${role}-${i}@example.com`, password: null, confirmed: true, roles: [role] });
    if (!user) throw new Error("no user");
    users.push(user);
  }
  return users;
}

/** Ids in list order: by the key, then by id (the keyset's tie-break). */
function inOrder(rows: UserRecord[], key: (u: UserRecord) => string): string[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1)).map((u) => u.id);
}

describe("admin user list: filters", () => {
  it("each filter, yes or no, keeps exactly the users in that state", async () => {
    const role = `${tag}-f`;
    const [plain, disabled, unconfirmed, locked, twoFactor, passkey] = await makeUsers(role, 6);
    const db = await getDb();
    await db.update(tables.users).set({ active: false }).where(eq(tables.users.id, disabled!.id));
    await db.update(tables.users).set({ confirmedAt: null }).where(eq(tables.users.id, unconfirmed!.id));
    await db.update(tables.users).set({ failedLoginCount: 100 }).where(eq(tables.users.id, locked!.id));
    await saveMethod(twoFactor!.id, "authenticator");
    await db
      .insert(tables.webauthnCredentials)
      .values({ userId: passkey!.id, credentialId: `${tag}-cred`, publicKey: "pk", usage: "first", name: "Key", deviceType: "singleDevice" as const });
    const all = [plain, disabled, unconfirmed, locked, twoFactor, passkey].map((u) => u!.id);
    const only: Record<FlagFilter, string> = {
      active: disabled!.id,
      confirmed: unconfirmed!.id,
      locked: locked!.id,
      twoFactor: twoFactor!.id,
      passkey: passkey!.id,
    };
    const ids = async (filters: UserSearch["filters"]): Promise<string[]> =>
      (await searchUsers({ filters: { role, ...filters }, pageSize: 50 })).users.map((u) => u.id).sort();
    expect(await ids({})).toEqual([...all].sort());
    for (const [filter, id] of Object.entries(only) as [FlagFilter, string][]) {
      // active and confirmed single out the one user who is not; the others the one who is.
      const inverted = filter === "active" || filter === "confirmed";
      expect(await ids({ [filter]: !inverted }), filter).toEqual([id]);
      expect(await ids({ [filter]: inverted }), filter).toEqual(all.filter((x) => x !== id).sort());
    }
    expect(await ids({ active: true, confirmed: true, locked: false })).toEqual([plain!.id, twoFactor!.id, passkey!.id].sort());
    // A role nobody holds, or a name no role can have, matches nobody rather than everybody.
    expect((await searchUsers({ filters: { role: `${tag}-nobody` }, pageSize: 5 })).users).toEqual([]);
    expect((await searchUsers({ filters: { role: "'; drop table users; --" }, pageSize: 5 })).cursorRefused).toBe(false);
  });
});

describe("admin user list: sorts and keyset pages", () => {
  it("every sort, both directions: each user once, in order, the same walking back", async () => {
    const role = `${tag}-s`;
    const users = await makeUsers(role, 7);
    const db = await getDb();
    // Distinct sign-up times, emails not in sign-up order, and some who never signed in (null sorts first).
    for (const [i, u] of users.entries()) {
      await db
        .update(tables.users)
        .set({
          createdAt: sql`now() - make_interval(mins => ${i})`,
          emailNormalized: `${tag}-s-${(i * 3) % 7}@example.com`,
          email: `${tag}-s-${(i * 3) % 7}@example.com`,
          currentLoginAt: i % 3 === 0 ? null : sql`now() - make_interval(hours => ${(i * 5) % 7})`,
        })
        .where(eq(tables.users.id, u.id));
    }
    const rows = await db
      .select()
      .from(tables.users)
      .where(sql`${tables.users.id} in ${users.map((u) => u.id)}`);
    const keyOf: Record<Sort, (u: UserRecord) => string> = {
      created: (u) => u.createdAt.toISOString(),
      email: (u) => u.emailNormalized,
      "last-sign-in": (u) => u.currentLoginAt?.toISOString() ?? "",
    };
    for (const sort of ["created", "email", "last-sign-in"] as Sort[]) {
      for (const direction of ["asc", "desc"] as Direction[]) {
        const expected = inOrder(rows, keyOf[sort]);
        if (direction === "desc") expected.reverse();
        const { forward, backward } = await walk({ filters: { role }, sort, direction, pageSize: 2 });
        expect(forward, `${sort} ${direction}`).toEqual(expected);
        expect(backward, `${sort} ${direction} back`).toEqual(expected);
      }
    }
    // A cursor of one order is refused by another (it would skip or repeat rows there).
    const emailCursor = (await searchUsers({ filters: { role }, sort: "email", pageSize: 2 })).next!;
    expect((await searchUsers({ filters: { role }, sort: "email", direction: "desc", pageSize: 2, cursor: emailCursor })).cursorRefused).toBe(true);
    expect((await searchUsers({ filters: { role }, sort: "created", pageSize: 2, cursor: emailCursor })).cursorRefused).toBe(true);
  });
});

describe("admin user list: the two-factor and passkey columns (decision 054)", () => {
  it("follow every add and removal of the rows, whoever writes them (the triggers of migration 0012)", async () => {
    const role = `${tag}-t`;
    const [user] = await makeUsers(role, 1);
    const db = await getDb();
    const listed = async (filters: UserSearch["filters"]): Promise<boolean> =>
      (await searchUsers({ filters: { role, ...filters }, pageSize: 5 })).users.some((u) => u.id === user!.id);
    const columns = async (): Promise<{ twoFactorOn: boolean; passkeyCount: number } | undefined> =>
      (
        await db
          .select({ twoFactorOn: tables.users.twoFactorOn, passkeyCount: tables.users.passkeyCount })
          .from(tables.users)
          .where(eq(tables.users.id, user!.id))
      )[0];
    expect(await columns()).toEqual({ twoFactorOn: false, passkeyCount: 0 });
    await saveMethod(user!.id, "authenticator");
    const key = (n: number): typeof tables.webauthnCredentials.$inferInsert => ({
      userId: user!.id,
      credentialId: `${tag}-t-${n}`,
      publicKey: "pk",
      usage: "first",
      name: `Key ${n}`,
      deviceType: "singleDevice",
    });
    await db.insert(tables.webauthnCredentials).values([key(1), key(2)]);
    expect(await columns()).toEqual({ twoFactorOn: true, passkeyCount: 2 });
    expect([await listed({ twoFactor: true }), await listed({ passkey: true })]).toEqual([true, true]);
    // One of two passkeys gone: still a holder. The last gone, or the two-factor row: no longer.
    await db.delete(tables.webauthnCredentials).where(eq(tables.webauthnCredentials.credentialId, `${tag}-t-1`));
    expect(await listed({ passkey: true })).toBe(true);
    await db.delete(tables.webauthnCredentials).where(eq(tables.webauthnCredentials.userId, user!.id));
    await db.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, user!.id));
    expect(await columns()).toEqual({ twoFactorOn: false, passkeyCount: 0 });
    expect([await listed({ twoFactor: false }), await listed({ passkey: false }), await listed({ twoFactor: true }), await listed({ passkey: true })]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("a filtered list in last-sign-in order pages each holder once, both directions (the partial indexes' order)", async () => {
    const role = `${tag}-p`;
    const users = await makeUsers(role, 9);
    const db = await getDb();
    for (const [i, u] of users.entries()) {
      // Never signed in first (the bench's slow shape), then distinct times; every other one a holder.
      await db
        .update(tables.users)
        .set({ currentLoginAt: i < 3 ? null : sql`now() - make_interval(hours => ${(i * 5) % 9})`, active: i % 2 === 1 })
        .where(eq(tables.users.id, u.id));
      if (i % 2 === 0) {
        await saveMethod(u.id, "authenticator");
        await db
          .insert(tables.webauthnCredentials)
          .values({ userId: u.id, credentialId: `${tag}-p-${i}`, publicKey: "pk", usage: "first", name: "Key", deviceType: "singleDevice" as const });
      }
    }
    const holders = await db
      .select()
      .from(tables.users)
      .where(sql`${tables.users.id} in ${users.filter((_, i) => i % 2 === 0).map((u) => u.id)}`);
    const expected = inOrder(holders, (u) => u.currentLoginAt?.toISOString() ?? "");
    for (const filters of [{ twoFactor: true }, { passkey: true }, { active: false }]) {
      for (const direction of ["asc", "desc"] as Direction[]) {
        const want = direction === "asc" ? expected : [...expected].reverse();
        const { forward, backward } = await walk({ filters: { role, ...filters }, sort: "last-sign-in", direction, pageSize: 2 });
        expect(forward, `${JSON.stringify(filters)} ${direction}`).toEqual(want);
        expect(backward, `${JSON.stringify(filters)} ${direction} back`).toEqual(want);
      }
    }
  });
});

describe("admin user list: CSV export", () => {
  it("quotes every cell and defuses formulas (= + - @ tab CR)", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1`)).toBe(`"'${start}1"`);
    expect(csvCell("plain, with comma\nand line")).toBe(`"plain, with comma\nand line"`);
  });

  it("exports the filtered users, each once, across batches, with hostile values defused", async () => {
    const role = `${tag}-c`;
    const users = await makeUsers(role, 5);
    const db = await getDb();
    await db
      .update(tables.users)
      .set({ username: "=cmd|' /C calc'!A0", usernameNormalized: `${tag}-evil` })
      .where(eq(tables.users.id, users[0]!.id));
    let csv = "";
    for await (const chunk of exportUsersCsv({ filters: { role } }, 2)) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe('"id","email","username","active","confirmed_at","roles","created_at","last_sign_in_at","sign_in_count"');
    expect(lines).toHaveLength(6);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(5);
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csv).not.toMatch(/(^|,)"=/m);
  });
});
