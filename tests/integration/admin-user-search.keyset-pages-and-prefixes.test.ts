// Threat: the admin list skips or repeats users between pages, a search misses users by case or
// matches by LIKE wildcards, or an edited page link (cursor) turns into a 500 or into SQL.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { searchUsers, type UserSearch } from "@/lib/security/accounts/user-search";
import { registerConfirmed } from "../support/flows";
import { saveMethod } from "../support/two-factor";

const tag = `kst${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let seeded = 0;
async function seedUsers(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await registerConfirmed(`${tag}-${String(seeded++).padStart(2, "0")}@Example.com`)).id);
  return ids;
}

/** Every page of a search, following `next`, then back again following `previous`. */
async function walk(search: Omit<UserSearch, "cursor">): Promise<{ forward: string[]; backward: string[] }> {
  const forward: string[] = [];
  let page = await searchUsers(search);
  forward.push(...page.users.map((u) => u.email));
  const pages = [page];
  while (page.next) {
    page = await searchUsers({ ...search, cursor: page.next });
    expect(page.cursorRefused).toBe(false);
    forward.push(...page.users.map((u) => u.email));
    pages.push(page);
  }
  const backward = [...page.users.map((u) => u.email)];
  while (page.previous) {
    page = await searchUsers({ ...search, cursor: page.previous });
    backward.unshift(...page.users.map((u) => u.email));
  }
  return { forward, backward };
}

describe("admin user search", () => {
  it("an email prefix, any case, pages through every match once, in order, both ways", async () => {
    await seedUsers(8);
    const { forward, backward } = await walk({ query: `  ${tag.toUpperCase()}-`, field: "email", pageSize: 3 });
    const expected = Array.from({ length: 8 }, (_, i) => `${tag}-${String(i).padStart(2, "0")}@Example.com`);
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
    const first = await searchUsers({ query: `${tag}-`, field: "email", pageSize: 3 });
    expect(first.previous).toBeNull();
    expect(first.total).toEqual({ value: 8, exact: true });
  });

  it("sign-up order without a search: strictly increasing, no user twice, the seeded ones all there", async () => {
    const ids = await seedUsers(4);
    const seen: string[] = [];
    let page = await searchUsers({ pageSize: 7 });
    for (;;) {
      seen.push(...page.users.map((u) => u.id));
      if (!page.next) break;
      page = await searchUsers({ pageSize: 7, cursor: page.next });
    }
    expect(new Set(seen).size).toBe(seen.length);
    const positions = ids.map((id) => seen.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("LIKE's own characters match themselves; username and phone prefixes find their users", async () => {
    const [a, b] = await seedUsers(2);
    const db = await getDb();
    await db
      .update(tables.users)
      .set({ username: `${tag}Ann`, usernameNormalized: `${tag}ann` })
      .where(eq(tables.users.id, a!));
    await saveMethod(b!, "sms", "+15417543010");
    expect((await searchUsers({ query: `${tag}%`, field: "email", pageSize: 10 })).users).toHaveLength(0);
    expect((await searchUsers({ query: `${tag.slice(0, -1)}_`, field: "email", pageSize: 10 })).users).toHaveLength(0);
    expect((await searchUsers({ query: `${tag}AN`, field: "username", pageSize: 10 })).users.map((u) => u.id)).toEqual([a]);
    const byPhone = await searchUsers({ query: "+1 (541) 754-30", field: "phone", pageSize: 10 });
    expect(byPhone.users.map((u) => u.id)).toContain(b);
  });

  it("a cursor that is not one of ours is refused: the first page, never a throw", async () => {
    await seedUsers(2);
    const good = (await searchUsers({ query: `${tag}-`, field: "email", pageSize: 1 })).next!;
    const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
    const bad = [
      "not base64 !",
      "x".repeat(5000),
      Buffer.from("{not json").toString("base64url"),
      forged({ s: "created", d: "after", v: "2026-02-30T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" }),
      forged({ s: "created", d: "after", v: "yesterday", id: "00000000-0000-4000-8000-000000000000" }),
      forged({ s: "email", d: "after", v: "a\u0000", id: "00000000-0000-4000-8000-000000000000" }),
      forged({ s: "email", d: "sideways", v: "a", id: "00000000-0000-4000-8000-000000000000" }),
      forged({ s: "email", d: "after", v: "a", id: "'; drop table users; --" }),
      forged({ s: "email", d: "after", v: "a", id: "00000000-0000-4000-8000-000000000000", extra: 1 }),
      good.slice(0, -3),
    ];
    for (const cursor of bad) {
      const page = await searchUsers({ query: `${tag}-`, field: "email", pageSize: 1, cursor });
      expect(page.cursorRefused, cursor.slice(0, 40)).toBe(true);
      expect(page.users).toHaveLength(1);
      expect(page.previous).toBeNull();
    }
    // A cursor of another order (the unfiltered list's) is refused by a search.
    const listCursor = (await searchUsers({ pageSize: 1 })).next!;
    expect((await searchUsers({ query: `${tag}-`, field: "email", pageSize: 1, cursor: listCursor })).cursorRefused).toBe(true);
    // Hostile searches are misses, not errors.
    for (const query of ["\u0000", "\ud800", "%", "_", "\\", "'", "x".repeat(10_000)]) {
      await expect(searchUsers({ query, field: "email", pageSize: 5 })).resolves.toMatchObject({ cursorRefused: false });
      await expect(searchUsers({ query, field: "phone", pageSize: 5 })).resolves.toMatchObject({ cursorRefused: false });
    }
  });
});
