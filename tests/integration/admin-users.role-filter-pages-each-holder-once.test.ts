// Threat: the role filter reads its pages from user_roles' copy of each holder's keys (decision 058); a copy
// left stale by a sign-in, an email change or a role given meanwhile skips or repeats holders between pages.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { createUser, type UserRecord } from "@/lib/security/accounts/users";
import { addRoleToUser, removeRoleFromUser } from "@/lib/security/accounts/user-roles";
import { createRole } from "@/lib/security/accounts/roles";
import { searchUsers } from "@/lib/security/accounts/user-search";
import type { Direction, Sort } from "@/lib/security/accounts/user-list-order";
import { walk } from "../support/admin-list";
import { saveMethod } from "../support/two-factor";

const tag = `rolf${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const onPostgres = Boolean(process.env.DATABASE_URL);

/** The holders as users' own rows order them (the truth the copies must follow): key, then id. */
async function expectedOrder(role: string, sort: Sort, direction: Direction, twoFactor?: boolean): Promise<string[]> {
  const db = await getDb();
  const key =
    sort === "email"
      ? sql`${tables.users.emailNormalized} collate "C"`
      : sort === "last-sign-in"
        ? sql`coalesce(${tables.users.currentLoginAt}, '-infinity'::timestamptz)`
        : sql`${tables.users.createdAt}`;
  const order = direction === "asc" ? [asc(key), asc(tables.users.id)] : [desc(key), desc(tables.users.id)];
  const rows = await db
    .select({ id: tables.users.id })
    .from(tables.users)
    .innerJoin(tables.userRoles, eq(tables.userRoles.userId, tables.users.id))
    .innerJoin(tables.roles, eq(tables.roles.id, tables.userRoles.roleId))
    .where(and(eq(tables.roles.name, role), twoFactor === undefined ? undefined : eq(tables.users.twoFactorOn, twoFactor)))
    .orderBy(...order);
  return rows.map((r) => r.id);
}

async function makeUsers(prefix: string, n: number): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser({ email: `${tag}-${prefix}-${i}@example.com`, password: null, confirmed: true });
    if (!user) throw new Error("no user");
    users.push(user);
  }
  return users;
}

describe("admin user list: a role filter reads user_roles' copy of the keys (decision 058)", () => {
  it("pages each holder once, both directions, in every order, after adds, removals, sign-ins and email changes", async () => {
    const role = `${tag}-r`;
    expect((await createRole({ name: role })).ok).toBe(true);
    const users = await makeUsers("a", 10);
    const db = await getDb();
    // Given before their keys change: the copies must follow the users' rows afterwards.
    for (const [i, u] of users.entries()) if (i % 3 !== 2) expect((await addRoleToUser(u.id, role)).ok).toBe(true);
    for (const [i, u] of users.entries()) {
      // Three never signed in (first in ascending last-sign-in order), the rest at distinct times.
      const login = i < 3 ? null : sql`now() - make_interval(mins => ${(i * 7) % 11})`;
      await db.update(tables.users).set({ currentLoginAt: login }).where(eq(tables.users.id, u.id));
      if (i % 2 === 0) await saveMethod(u.id, "authenticator");
    }
    // An email change moves a holder in email order; a late role, a removal and a sign-in after both.
    await db
      .update(tables.users)
      .set({ email: `${tag}-a-0z@example.com`, emailNormalized: `${tag}-a-0z@example.com` })
      .where(eq(tables.users.id, users[0]!.id));
    expect((await addRoleToUser(users[2]!.id, role)).ok).toBe(true);
    expect((await removeRoleFromUser(users[4]!.id, role)).ok).toBe(true);
    await db
      .update(tables.users)
      .set({ currentLoginAt: sql`now() + interval '1 hour'` })
      .where(eq(tables.users.id, users[1]!.id));

    for (const sort of ["created", "email", "last-sign-in"] as Sort[]) {
      for (const direction of ["asc", "desc"] as Direction[]) {
        const want = await expectedOrder(role, sort, direction);
        expect(want).toHaveLength(7);
        const { forward, backward } = await walk({ filters: { role }, sort, direction, pageSize: 2 });
        expect(forward, `${sort} ${direction}`).toEqual(want);
        expect(backward, `${sort} ${direction} back`).toEqual(want);
        // Another filter narrows the joined users rows; the order stays the copy's.
        const withTwoFactor = await walk({ filters: { role, twoFactor: true }, sort, direction, pageSize: 2 });
        expect(withTwoFactor.forward, `${sort} ${direction} two-factor`).toEqual(await expectedOrder(role, sort, direction, true));
      }
    }
    // An email prefix search with the role is in email order, from the same index range.
    const search = await searchUsers({ query: `${tag}-a-`, field: "email", filters: { role }, pageSize: 50 });
    expect(search.users.map((u) => u.id)).toEqual(await expectedOrder(role, "email", "asc"));
    expect(search.total).toEqual({ value: 7, exact: true });
  });

  it("the copy matches every holder's row after roles are given while the same users sign in at once", async () => {
    const role = `${tag}-c`;
    expect((await createRole({ name: role })).ok).toBe(true);
    const users = await makeUsers("c", 12);
    const db = await getDb();
    await Promise.all(
      users.flatMap((u, i) => [
        addRoleToUser(u.id, role),
        db
          .update(tables.users)
          .set({ currentLoginAt: sql`now() - make_interval(secs => ${i})` })
          .where(eq(tables.users.id, u.id)),
      ]),
    );
    const u = tables.users;
    const ur = tables.userRoles;
    const [stale] = await db
      .select({ n: count() })
      .from(ur)
      .innerJoin(u, eq(u.id, ur.userId))
      .innerJoin(tables.roles, eq(tables.roles.id, ur.roleId))
      .where(
        and(
          eq(tables.roles.name, role),
          sql`(${ur.userLastSignIn} <> coalesce(${u.currentLoginAt}, '-infinity'::timestamptz) or ${ur.userEmail} <> ${u.emailNormalized} or ${ur.userCreatedAt} <> ${u.createdAt})`,
        ),
      );
    expect(stale?.n).toBe(0);
  });

  it.skipIf(!onPostgres)("a sign-in committed while a role is being given waits for it, so the new role row gets the new time", async () => {
    const role = `${tag}-w`;
    expect((await createRole({ name: role })).ok).toBe(true);
    const [user] = await makeUsers("w", 1);
    const db = await getDb();
    const [roleRow] = await db.select({ id: tables.roles.id }).from(tables.roles).where(eq(tables.roles.name, role));
    let signedIn: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.insert(tables.userRoles).values({ userId: user!.id, roleId: roleRow!.id });
      // Another connection's sign-in, while the role's insert is not yet committed: without the insert
      // trigger's FOR SHARE it commits at once, its trigger sees no role row, and the copy stays -infinity.
      signedIn = db
        .update(tables.users)
        .set({ currentLoginAt: sql`now()` })
        .where(eq(tables.users.id, user!.id))
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await signedIn;
    const [row] = await db.select().from(tables.userRoles).where(eq(tables.userRoles.userId, user!.id));
    const [fresh] = await db.select().from(tables.users).where(eq(tables.users.id, user!.id));
    expect(fresh!.currentLoginAt).not.toBeNull();
    expect(row!.userLastSignIn.getTime()).toBe(fresh!.currentLoginAt!.getTime());
  });
});
