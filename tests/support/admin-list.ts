// The admin list walked the way the console's links walk it, for the list's keyset tests.
import { expect } from "vitest";
import { searchUsers, type UserSearch } from "@/lib/security/accounts/user-search";

/** Every page forward following `next`, then back following `previous`: ids in list order both ways. */
export async function walk(search: Omit<UserSearch, "cursor">): Promise<{ forward: string[]; backward: string[] }> {
  const forward: string[] = [];
  let page = await searchUsers(search);
  forward.push(...page.users.map((u) => u.id));
  while (page.next) {
    page = await searchUsers({ ...search, cursor: page.next });
    expect(page.cursorRefused).toBe(false);
    forward.push(...page.users.map((u) => u.id));
  }
  const backward = page.users.map((u) => u.id);
  while (page.previous) {
    page = await searchUsers({ ...search, cursor: page.previous });
    backward.unshift(...page.users.map((u) => u.id));
  }
  return { forward, backward };
}
