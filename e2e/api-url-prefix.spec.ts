// Guarantee: the JSON API served under another prefix (Flask-Security's SECURITY_URL_PREFIX, a rewrite
// to /api/security; the test build serves /auth) is the same API with the same rules: an open endpoint
// stays open, a session-only one still refuses a token, a signed-in one still refuses nobody-at-all.
// The rule must come from the endpoint, not from the URL: /auth/… is in no route table.
import { apiClientFor, registerThroughApi } from "./support/api-client";
import { recordSecret } from "./support/secrets";
import { expect, strongPassword, test, uniqueEmail } from "./support/fixtures";

test("SECURITY_URL_PREFIX: /auth/… answers as /api/security/… does, rules included", async ({ request, baseURL, playwright }) => {
  const email = uniqueEmail("url-prefix");
  const password = strongPassword();
  await registerThroughApi(apiClientFor(baseURL!), request, email, password);

  // Open: the form's description, in the envelope.
  const described = await request.get("/auth/login");
  expect(described.status()).toBe(200);
  const attributes: Record<string, unknown>[] = (await described.json()).response.identity_attributes;
  expect(attributes.flatMap((a) => Object.keys(a))).toContain("email");

  // A sign-in through the prefix hands out a token that works on the API at either prefix.
  const signedIn = await request.post("/auth/login?include_auth_token", {
    data: { email, password },
    headers: { "x-forwarded-for": "198.51.100.77" },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const token: string = (await signedIn.json()).response.user.authentication_token;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  recordSecret("api-token", token);
  // From here on a client with no cookie jar: only the token speaks for it.
  const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Authentication-Token": token } });
  const nobody = await playwright.request.newContext({ baseURL });
  try {
    const me = await bare.get("/api/me");
    expect((await me.json()).response).toMatchObject({ authenticated_by: "token", user: { email } });
    // Signed-in and fresh, token accepted: the token just issued opens it under the prefix.
    const methods = await bare.get("/auth/us-setup");
    expect(methods.status(), await methods.text()).toBe(200);
    expect((await methods.json()).response.available_methods).toBeDefined();

    // Session-only (verify's work is on the session): a token is refused under the prefix as at /api/security.
    for (const path of ["/auth/verify", "/api/security/verify"]) {
      const verify = await bare.get(path, { failOnStatusCode: false });
      expect(verify.status(), path).toBe(401);
    }
    // Nobody at all: a 401 in the envelope, not a redirect to the sign-in page.
    const anonymous = await nobody.get("/auth/us-setup", { maxRedirects: 0, failOnStatusCode: false });
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).meta.code).toBe(401);
  } finally {
    await Promise.all([bare.dispose(), nobody.dispose()]);
  }
});
