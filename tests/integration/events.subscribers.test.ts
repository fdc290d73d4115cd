// Guarantee: every security event is stored in the user's activity log and reaches subscribers;
// a failing subscriber cannot break the flow that emitted the event.
import { describe, expect, it } from "vitest";
import { listUserEvents, onSecurityEvent, recordEvent, type SecurityEvent } from "@/lib/security/core/events";
import { createUser } from "@/lib/security/accounts/users";

describe("security events", () => {
  it("stores the event and notifies typed and wildcard subscribers", async () => {
    const user = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase" });
    const seen: SecurityEvent[] = [];
    const all: string[] = [];
    const offTyped = onSecurityEvent("password_changed", (e) => void seen.push(e));
    const offAll = onSecurityEvent("*", (e) => void all.push(e.type));
    const offBroken = onSecurityEvent("password_changed", () => {
      throw new Error("subscriber bug");
    });
    await recordEvent("password_changed", { userId: user!.id, ctx: { ip: "10.1.2.3", userAgent: "vitest" }, data: { via: "test" } });
    offTyped();
    offAll();
    offBroken();
    await recordEvent("password_changed", { userId: user!.id });

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: "password_changed", userId: user!.id, ip: "10.1.2.3", data: { via: "test" } });
    expect(all).toEqual(["password_changed"]);
    const log = await listUserEvents(user!.id);
    expect(log.filter((e) => e.type === "password_changed")).toHaveLength(2);
  });
});
