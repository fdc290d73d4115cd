// Threat: the JSON endpoints of the account lifecycle skip what the pages enforce (freshness, CSRF,
// generic answers) or answer in shapes clients of Flask-Security do not expect. Guarantee: the same
// core flows behind the reference's envelope, every answer checked against the OpenAPI document.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { latestMail, mailsTo, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnvForTheFile } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const { eq } = await import("drizzle-orm");
const loginRoute = await import("@/app/api/security/login/route");
const changeEmailRoute = await import("@/app/api/security/change-email/route");
const changeUsernameRoute = await import("@/app/api/security/change-username/route");
const recoverUsernameRoute = await import("@/app/api/security/recover-username/route");

withEnvForTheFile({ SECURITY_USERNAME_ENABLE: "true" });

async function signedIn(): Promise<{ client: InstanceType<typeof ApiClient>; csrf: string; email: string }> {
  const email = uniqueEmail("api-life");
  await registerConfirmed(email);
  const client = new ApiClient();
  const answer = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD } });
  expect(answer.status).toBe(200);
  return { client, csrf: String(answer.body.response.csrf_token), email };
}

describe("POST /api/security/change-email", () => {
  it("answers U + current_email and mails both addresses; a bad address is a 400 with field_errors", async () => {
    const { client, csrf, email } = await signedIn();
    const got = await client.call(changeEmailRoute.GET, "GET", "/api/security/change-email");
    expect(got.body.response).toMatchObject({ current_email: email, user: { email } });
    const newEmail = uniqueEmail("api-new");
    const answer = await client.call(changeEmailRoute.POST, "POST", "/api/security/change-email", {
      json: { email: newEmail },
      headers: { "X-CSRF-Token": csrf },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ current_email: email, user: { email } });
    expect((await latestMail(newEmail))?.subject).toBe("Gatehouse: Confirm your new email address");
    const bad = await client.call(changeEmailRoute.POST, "POST", "/api/security/change-email", { json: { email: "nope" }, headers: { "X-CSRF-Token": csrf } });
    expect(bad.status).toBe(400);
    expect(bad.body.response.field_errors).toMatchObject({ email: ["Invalid email address"] });
  });

  it("needs the CSRF token on a session call, and a sign-in", async () => {
    const { client } = await signedIn();
    const target = uniqueEmail("api-csrf");
    const refused = await client.call(changeEmailRoute.POST, "POST", "/api/security/change-email", { json: { email: target } });
    expect(refused.status).toBe(400);
    expect(await mailsTo(target)).toHaveLength(0);
    const anonymous = await new ApiClient().call(changeEmailRoute.POST, "POST", "/api/security/change-email", { json: { email: target } });
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/security/change-username and /recover-username", () => {
  it("changes the username at once, refuses the reference's bad names, and emails it back on request", async () => {
    const { client, csrf, email } = await signedIn();
    const name = `api${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const bad = await client.call(changeUsernameRoute.POST, "POST", "/api/security/change-username", {
      json: { username: "no way" },
      headers: { "X-CSRF-Token": csrf },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.response.field_errors).toMatchObject({ username: ["Username can contain only letters and numbers"] });
    const ok = await client.call(changeUsernameRoute.POST, "POST", "/api/security/change-username", {
      json: { username: name },
      headers: { "X-CSRF-Token": csrf },
    });
    expect(ok.body.response).toMatchObject({ user: { username: name } });
    const got = await client.call(changeUsernameRoute.GET, "GET", "/api/security/change-username");
    expect(got.body.response).toMatchObject({ current_username: name });
    const db = await getDb();
    expect((await db.select().from(tables.users).where(eq(tables.users.emailNormalized, email)))[0]?.username).toBe(name);

    const anonymous = new ApiClient();
    const recovered = await anonymous.call(recoverUsernameRoute.POST, "POST", "/api/security/recover-username", { json: { email } });
    expect(recovered.status).toBe(200);
    expect(Object.keys(recovered.body.response)).toEqual(["csrf_token"]);
    expect((await latestMail(email))?.text).toContain(`Your username is: ${name}`);
    const unknown = await anonymous.call(recoverUsernameRoute.POST, "POST", "/api/security/recover-username", { json: { email: uniqueEmail("nobody") } });
    expect(unknown.status).toBe(200);
    const hostile = await anonymous.call(recoverUsernameRoute.POST, "POST", "/api/security/recover-username", { json: { email: 42 } });
    expect(hostile.status).toBe(400);
  });
});
