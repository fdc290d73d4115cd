// Threat: the browser-reported time zone is a write any page can be made to send: junk stored and
// rendered on every page, another account's zone changed through a body field, a cross-site form
// or an anonymous request writing anything, or a bad body answered with a 500.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const loginRoute = await import("@/app/api/security/login/route");
const timeZoneRoute = await import("@/app/(account)/account/time-zone/route");

const URL_ = "http://localhost:3000/account/time-zone";

let me: { id: string; email: string };
let other: { id: string; email: string };

beforeAll(async () => {
  me = await registerConfirmed(uniqueEmail("tz-me"));
  other = await registerConfirmed(uniqueEmail("tz-other"));
});

async function zoneOf(userId: string): Promise<string | null> {
  const [row] = await (await getDb()).select({ timeZone: tables.users.timeZone }).from(tables.users).where(eq(tables.users.id, userId));
  return row!.timeZone;
}

async function signedIn(email: string): Promise<InstanceType<typeof ApiClient>> {
  const client = new ApiClient();
  expect((await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD } })).status).toBe(200);
  return client;
}

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers }, body });
}

describe("POST /account/time-zone", () => {
  it("stores a valid IANA zone on the signed-in user's own account", async () => {
    const client = await signedIn(me.email);
    const answer = await client.send(timeZoneRoute.POST, post(JSON.stringify({ timeZone: "Europe/Paris" })));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ timeZone: "Europe/Paris" });
    expect(await zoneOf(me.id)).toBe("Europe/Paris");
  });

  it("never another account's, whatever the body names", async () => {
    const client = await signedIn(me.email);
    const before = await zoneOf(other.id);
    const answer = await client.send(timeZoneRoute.POST, post(JSON.stringify({ timeZone: "Asia/Tokyo", userId: other.id, id: other.id })));
    expect(answer.status).toBe(200);
    expect(await zoneOf(me.id)).toBe("Asia/Tokyo");
    expect(await zoneOf(other.id)).toBe(before);
  });

  it.each([
    ["not a zone", { timeZone: "Mars/Olympus_Mons" }],
    ["an offset", { timeZone: "+02:00" }],
    ["SQL", { timeZone: "UTC'; update users set time_zone = 'x'; --" }],
    ["too long", { timeZone: `Europe/${"a".repeat(100)}` }],
    ["a number", { timeZone: 3 }],
    ["a list", { timeZone: ["UTC"] }],
    ["missing", {}],
  ])("refuses %s with a 400 and keeps the stored zone", async (_, body) => {
    const client = await signedIn(me.email);
    await client.send(timeZoneRoute.POST, post(JSON.stringify({ timeZone: "America/New_York" })));
    const answer = await client.send(timeZoneRoute.POST, post(JSON.stringify(body)));
    expect(answer.status).toBe(400);
    expect(await zoneOf(me.id)).toBe("America/New_York");
  });

  it("answers malformed and oversized bodies with 4xx, never 500", async () => {
    const client = await signedIn(me.email);
    expect((await client.send(timeZoneRoute.POST, post("{not json"))).status).toBe(400);
    expect((await client.send(timeZoneRoute.POST, post("[]"))).status).toBe(400);
    expect((await client.send(timeZoneRoute.POST, post("timeZone=UTC", { "content-type": "text/plain" }))).status).toBe(415);
    expect((await client.send(timeZoneRoute.POST, post(JSON.stringify({ timeZone: "x".repeat(3 * 1024 * 1024) })))).status).toBe(413);
  });

  it("refuses an anonymous request (401) and a cross-site one (403), writing nothing", async () => {
    const before = await zoneOf(other.id);
    const anonymous = new ApiClient();
    expect((await anonymous.send(timeZoneRoute.POST, post(JSON.stringify({ timeZone: "Africa/Lagos" })))).status).toBe(401);
    const client = await signedIn(other.email);
    const crossSite = post(JSON.stringify({ timeZone: "Africa/Lagos" }), { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect((await client.send(timeZoneRoute.POST, crossSite)).status).toBe(403);
    expect(await zoneOf(other.id)).toBe(before);
  });
});
