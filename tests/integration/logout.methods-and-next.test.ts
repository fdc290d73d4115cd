// Threat: a link or an <img> on any page signs users out (GET logout), or logout's `next` sends the
// browser to another site. SECURITY_LOGOUT_METHODS decides; `next` is a path of this site or nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const loginRoute = await import("@/app/api/security/login/route");
const apiLogout = await import("@/app/api/security/logout/route");
const pageLogout = await import("@/app/logout/route");
const meRoute = await import("@/app/api/me/route");

let email: string;

beforeAll(async () => {
  email = uniqueEmail("logout");
  await registerConfirmed(email);
});

async function signedInClient(): Promise<InstanceType<typeof ApiClient>> {
  const client = new ApiClient();
  const login = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD } });
  expect(login.status).toBe(200);
  return client;
}

async function signedIn(client: InstanceType<typeof ApiClient>): Promise<boolean> {
  return (await client.call(meRoute.GET, "GET", "/api/me")).status === 200;
}

function pageRequest(method: "GET" | "POST", query = "", headers: Record<string, string> = {}, body?: string): Request {
  return new Request(`http://localhost:3000/logout${query}`, { method, headers, body });
}

describe("SECURITY_LOGOUT_METHODS", () => {
  it("by default (POST) a GET of /logout or /api/security/logout is 405 and the session lives on", async () => {
    const client = await signedInClient();
    const page = await client.send(pageLogout.GET, pageRequest("GET", "?next=/account"));
    expect(page.status).toBe(405);
    expect(page.headers.get("allow")).toBe("POST");
    const api = await client.call(apiLogout.GET, "GET", "/api/security/logout", { documented: false });
    expect(api.status).toBe(405);
    expect(await signedIn(client)).toBe(true);
  });

  it("with GET,POST a same-site GET of /logout signs out and follows a same-origin next", async () => {
    await withEnv({ SECURITY_LOGOUT_METHODS: "GET,POST" }, async () => {
      const client = await signedInClient();
      const answer = await client.send(pageLogout.GET, pageRequest("GET", "?next=%2Faccount%2Fbye%3Fx%3D1", { "sec-fetch-site": "same-origin" }));
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("http://localhost:3000/account/bye?x=1");
      expect(await signedIn(client)).toBe(false);
    });
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example"])(
    "a next of %j lands on SECURITY_POST_LOGOUT_VIEW",
    async (next) => {
      await withEnv({ SECURITY_LOGOUT_METHODS: "GET,POST", SECURITY_POST_LOGOUT_VIEW: "/goodbye" }, async () => {
        const client = await signedInClient();
        const answer = await client.send(pageLogout.GET, pageRequest("GET", `?next=${encodeURIComponent(next)}`));
        expect(answer.headers.get("location")).toBe("http://localhost:3000/goodbye?notice=LOGGED_OUT");
        expect(await signedIn(client)).toBe(false);
      });
    },
  );

  it("a subdomain allowed for sign-in's next is still refused for logout's", async () => {
    await withEnv({ SECURITY_LOGOUT_METHODS: "GET", SECURITY_REDIRECT_ALLOW_SUBDOMAINS: "true", SECURITY_REDIRECT_BASE_DOMAIN: "localhost.test" }, async () => {
      const client = await signedInClient();
      const answer = await client.send(pageLogout.GET, pageRequest("GET", `?next=${encodeURIComponent("http://app.localhost.test/")}`));
      expect(answer.headers.get("location")).toBe("http://localhost:3000/?notice=LOGGED_OUT");
    });
  });

  it("with GET allowed, a GET the browser marks cross-site (a link or <img> elsewhere) is refused on both doors and the session lives on", async () => {
    await withEnv({ SECURITY_LOGOUT_METHODS: "GET,POST" }, async () => {
      const client = await signedInClient();
      const answer = await client.send(pageLogout.GET, pageRequest("GET", "", { "sec-fetch-site": "cross-site" }));
      expect(answer.status).toBe(403);
      // The JSON door refuses it on its first line (lib/api/route.ts), before the endpoint is reached.
      const api = await client.call(apiLogout.GET, "GET", "/api/security/logout", { headers: { "sec-fetch-site": "cross-site" }, documented: false });
      expect(api.status).toBe(403);
      expect(await signedIn(client)).toBe(true);
    });
  });

  it("with GET allowed, GET /api/security/logout answers {} and ends the session", async () => {
    await withEnv({ SECURITY_LOGOUT_METHODS: "GET,POST" }, async () => {
      const client = await signedInClient();
      const answer = await client.call(apiLogout.GET, "GET", "/api/security/logout", { documented: false });
      expect(answer.status).toBe(200);
      expect(answer.body.response).toEqual({});
      expect(await signedIn(client)).toBe(false);
    });
  });

  it("a plain form POST to /logout from this origin signs out (next in the body); from another origin it is refused", async () => {
    const client = await signedInClient();
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const cross = await client.send(pageLogout.POST, pageRequest("POST", "", { ...form, origin: "https://evil.example" }, "next=%2Faccount"));
    expect(cross.status).toBe(403);
    expect(await signedIn(client)).toBe(true);
    const same = await client.send(pageLogout.POST, pageRequest("POST", "", { ...form, origin: "http://localhost:3000" }, "next=%2Faccount%2Fsee-you"));
    expect(same.status).toBe(303);
    expect(same.headers.get("location")).toBe("http://localhost:3000/account/see-you");
    expect(await signedIn(client)).toBe(false);
  });

  it("with GET only, a POST is 405 on both doors", async () => {
    await withEnv({ SECURITY_LOGOUT_METHODS: "GET" }, async () => {
      const client = await signedInClient();
      const page = await client.send(pageLogout.POST, pageRequest("POST", "", { origin: "http://localhost:3000" }));
      expect(page.status).toBe(405);
      expect(page.headers.get("allow")).toBe("GET");
      const api = await client.call(apiLogout.POST, "POST", "/api/security/logout", { documented: false });
      expect(api.status).toBe(405);
      expect(await signedIn(client)).toBe(true);
    });
  });
});
