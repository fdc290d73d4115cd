// Threat: the activity page puts an event on the wrong day (the server's UTC day, not the viewer's),
// hides how many times someone guessed the password, or a filter shows (or drops) the wrong events.
import { describe, expect, it } from "vitest";
import { EVENT_LABELS } from "@/lib/security/core/events";
import { ACTIVITY_FILTERS, activityFilterFrom, groupActivity, itemTitle, signInMethodPhrase, type ActivityEvent } from "@/lib/view/activity";

let nextId = 1;
function event(type: ActivityEvent["type"], at: string, data: Record<string, unknown> = {}): ActivityEvent {
  return { id: nextId++, type, at: new Date(at), ip: null, userAgent: null, data, actorEmail: null };
}

const NOW = new Date("2026-12-02T16:00:00Z");

describe("groupActivity", () => {
  it("splits days at the viewer's midnight, not UTC's", () => {
    // 23:30 UTC on 1 December is already 2 December in Paris (UTC+1) and still 1 December in New York.
    const events = [event("user_authenticated", "2026-12-02T10:00:00Z"), event("password_changed", "2026-12-01T23:30:00Z")];
    const paris = groupActivity(events, "Europe/Paris", NOW);
    expect(paris.map((d) => [d.key, d.label, d.items.length])).toEqual([["2026-12-02", "Today", 2]]);
    const utc = groupActivity(events, "UTC", NOW);
    expect(utc.map((d) => [d.label, d.items.length])).toEqual([
      ["Today", 1],
      ["Yesterday", 1],
    ]);
    const tokyo = groupActivity([event("user_authenticated", "2026-11-28T16:00:00Z")], "Asia/Tokyo", NOW);
    expect(tokyo[0]!.label).toBe("Sunday, 29 November 2026");
  });

  it("tells consecutive failed attempts of a day as one line with their count and span", () => {
    const events = [
      event("user_failed_authn", "2026-12-02T15:05:00Z"),
      event("user_failed_authn", "2026-12-02T15:03:00Z"),
      event("user_failed_authn", "2026-12-02T15:01:00Z"),
      event("user_authenticated", "2026-12-02T14:00:00Z"),
      event("user_failed_authn", "2026-12-02T13:00:00Z"),
      event("user_failed_authn", "2026-12-01T13:00:00Z"),
    ];
    const [today, yesterday] = groupActivity(events, "UTC", NOW);
    expect(today!.items.map((i) => i.count)).toEqual([3, 1, 1]);
    expect(today!.items[0]!.since.toISOString()).toBe("2026-12-02T15:01:00.000Z");
    expect(today!.items[0]!.event.at.toISOString()).toBe("2026-12-02T15:05:00.000Z");
    expect(itemTitle(today!.items[0]!, EVENT_LABELS)).toBe("3 failed sign-in attempts");
    expect(itemTitle(today!.items[2]!, EVENT_LABELS)).toBe("Failed sign-in attempt");
    expect(yesterday!.items.map((i) => i.count)).toEqual([1]);
  });

  it("never merges other repeated events", () => {
    const events = [event("user_authenticated", "2026-12-02T15:05:00Z"), event("user_authenticated", "2026-12-02T15:03:00Z")];
    expect(groupActivity(events, "UTC", NOW)[0]!.items.map((i) => i.count)).toEqual([1, 1]);
  });
});

describe("signInMethodPhrase", () => {
  it.each([
    [["passkey", "user-verification"], "a passkey"],
    [["password", "authenticator"], "password + authenticator app"],
    [["password"], "your password"],
    [["email"], "an emailed code"],
    [["magic-link", "sms"], "emailed sign-in link + text message code"],
    [["verify"], ""],
    [[], ""],
  ])("%j → %s", (authnVia, phrase) => {
    expect(signInMethodPhrase({ authnVia })).toBe(phrase);
  });

  it("reads nothing from data that is not a list of names", () => {
    expect(signInMethodPhrase({ authnVia: "password" })).toBe("");
    expect(signInMethodPhrase({ authnVia: [1, null, "bogus"] })).toBe("");
  });
});

describe("activity filters", () => {
  it("a kind from the URL is one of the filters, anything else is every event", () => {
    expect(activityFilterFrom("failed")).toBe("failed");
    expect(activityFilterFrom("sign-ins")).toBe("sign-ins");
    for (const junk of [undefined, "", "FAILED", "toString", "__proto__", ["failed"]]) expect(activityFilterFrom(junk)).toBe("all");
  });

  it("failed attempts are not sign-ins, and no type is in two filters", () => {
    expect(ACTIVITY_FILTERS.failed.types).toContain("user_failed_authn");
    expect(ACTIVITY_FILTERS["sign-ins"].types).toContain("user_authenticated");
    const seen = [ACTIVITY_FILTERS["sign-ins"], ACTIVITY_FILTERS.failed, ACTIVITY_FILTERS.security].flatMap((f) => [...f.types]);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

// Threat: a translated page keeps English grammar ("a Passkey") or English words in a sign-in's method.
describe("signInMethodPhrase in another language", () => {
  const de = { via: { password: "Passwort", passkey: "Passkey", authenticator: "Authenticator-App" }, yourPassword: "Ihrem Passwort", english: false };
  it("names the method without an English article, and joins several with +", () => {
    expect(signInMethodPhrase({ authnVia: ["passkey", "user-verification"] }, de)).toBe("Passkey");
    expect(signInMethodPhrase({ authnVia: ["password"] }, de)).toBe("Ihrem Passwort");
    expect(signInMethodPhrase({ authnVia: ["password", "authenticator"] }, de)).toBe("Passwort + Authenticator-App");
  });

  it("words a run of failed attempts with the page's plural", () => {
    const at = new Date("2026-12-02T10:00:00Z");
    const event = { id: 1, type: "user_failed_authn" as const, at, ip: null, userAgent: null, data: {}, actorEmail: null };
    expect(itemTitle({ event, count: 4, since: at }, EVENT_LABELS, (n) => `${n} fehlgeschlagene Anmeldeversuche`)).toBe("4 fehlgeschlagene Anmeldeversuche");
  });
});
