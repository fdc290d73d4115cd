// Threat: the activity page's pages skip or repeat events, a cursor naming another account's event
// shows that account's rows, or a filter lets other kinds of event through.
import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/security/accounts/users";
import { listActivityPage } from "@/lib/security/core/activity-log";
import { recordEvent } from "@/lib/security/core/events";

async function userWithEvents(n: number): Promise<string> {
  const user = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", confirmed: true });
  for (let i = 0; i < n; i++) await recordEvent(i % 3 === 0 ? "user_failed_authn" : "user_authenticated", { userId: user!.id, data: { i } });
  return user!.id;
}

const order = (rows: { data: Record<string, unknown> }[]) => rows.map((r) => r.data.i as number);

describe("listActivityPage", () => {
  it("walks older and back newer without skipping or repeating, newest first", async () => {
    const userId = await userWithEvents(12);
    const first = await listActivityPage(userId, { types: null, limit: 5 });
    expect(order(first.rows)).toEqual([11, 10, 9, 8, 7]);
    expect(first.newerThan).toBeNull();
    const second = await listActivityPage(userId, { types: null, limit: 5, before: first.olderThan });
    expect(order(second.rows)).toEqual([6, 5, 4, 3, 2]);
    const third = await listActivityPage(userId, { types: null, limit: 5, before: second.olderThan });
    expect(order(third.rows)).toEqual([1, 0]);
    expect(third.olderThan).toBeNull();
    const back = await listActivityPage(userId, { types: null, limit: 5, after: third.newerThan });
    expect(order(back.rows)).toEqual([6, 5, 4, 3, 2]);
    const top = await listActivityPage(userId, { types: null, limit: 5, after: back.newerThan });
    expect(order(top.rows)).toEqual([11, 10, 9, 8, 7]);
    expect(top.newerThan).toBeNull();
    expect(top.olderThan).not.toBeNull();
  });

  it("shows only the filter's types", async () => {
    const userId = await userWithEvents(9);
    const failed = await listActivityPage(userId, { types: ["user_failed_authn"] });
    expect(order(failed.rows)).toEqual([6, 3, 0]);
    expect(failed.rows.every((r) => r.type === "user_failed_authn")).toBe(true);
  });

  it("a cursor naming another account's event shows nothing of either account", async () => {
    const mine = await userWithEvents(3);
    const theirs = await userWithEvents(3);
    const theirFirst = await listActivityPage(theirs, { types: null });
    const crossed = await listActivityPage(mine, { types: null, before: theirFirst.rows[0]!.id });
    expect(crossed.rows).toEqual([]);
    const crossedNewer = await listActivityPage(mine, { types: null, after: theirFirst.rows.at(-1)!.id });
    expect(crossedNewer.rows).toEqual([]);
  });
});
