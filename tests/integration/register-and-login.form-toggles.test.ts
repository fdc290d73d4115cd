// Threat: SECURITY_PASSWORD_CONFIRM_REQUIRED=false still refuses sign-ups for a field the form no
// longer shows (or =true lets a typo'd password through); SECURITY_DEFAULT_REMEMBER_ME is ignored by JSON clients.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { countUsersWithEmail, registerConfirmed, STRONG_PASSWORD, OTHER_STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const registerRoute = await import("@/app/api/security/register/route");
const loginRoute = await import("@/app/api/security/login/route");

async function register(json: Record<string, unknown>): Promise<Awaited<ReturnType<InstanceType<typeof ApiClient>["call"]>>> {
  return new ApiClient().call(registerRoute.POST, "POST", "/api/security/register", { json });
}

describe("SECURITY_PASSWORD_CONFIRM_REQUIRED", () => {
  it("on (the default): a missing or different confirmation is refused and no account is made", async () => {
    const missing = uniqueEmail("confirm-missing");
    expect((await register({ email: missing, password: STRONG_PASSWORD })).status).toBe(400);
    const different = uniqueEmail("confirm-different");
    const answer = await register({ email: different, password: STRONG_PASSWORD, password_confirm: OTHER_STRONG_PASSWORD });
    expect(answer.status).toBe(400);
    expect(Object.keys((answer.body.response.field_errors ?? {}) as object)).toContain("password_confirm");
    expect(await countUsersWithEmail(missing)).toBe(0);
    expect(await countUsersWithEmail(different)).toBe(0);
  });

  it("off: the password alone registers, and a stray confirmation is not compared", async () => {
    await withEnv({ SECURITY_PASSWORD_CONFIRM_REQUIRED: "false" }, async () => {
      const alone = uniqueEmail("confirm-off");
      expect((await register({ email: alone, password: STRONG_PASSWORD })).status).toBe(200);
      expect(await countUsersWithEmail(alone)).toBe(1);
      const stray = uniqueEmail("confirm-off");
      expect((await register({ email: stray, password: STRONG_PASSWORD, password_confirm: "something else" })).status).toBe(200);
      expect(await countUsersWithEmail(stray)).toBe(1);
    });
  });

  it("off still applies the password policy to the one password", async () => {
    await withEnv({ SECURITY_PASSWORD_CONFIRM_REQUIRED: "false" }, async () => {
      const email = uniqueEmail("confirm-off-short");
      const answer = await register({ email, password: "short" });
      expect(answer.status).toBe(400);
      expect(await countUsersWithEmail(email)).toBe(0);
    });
  });
});

describe("SECURITY_DEFAULT_REMEMBER_ME", () => {
  async function rememberedAfterLogin(email: string, extra: Record<string, unknown>): Promise<boolean> {
    const login = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD, ...extra } });
    expect(login.status).toBe(200);
    const user = await userByEmail(email);
    const rows = await (await getDb()).select().from(tables.sessions).where(eq(tables.sessions.userId, user.id));
    const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    return newest!.remember;
  }

  it("off (the default): a JSON sign-in without `remember` is not remembered", async () => {
    const email = uniqueEmail("remember-off");
    await registerConfirmed(email);
    expect(await rememberedAfterLogin(email, {})).toBe(false);
  });

  it("on: a JSON sign-in without `remember` is remembered, and an explicit false still wins", async () => {
    await withEnv({ SECURITY_DEFAULT_REMEMBER_ME: "true" }, async () => {
      const email = uniqueEmail("remember-on");
      await registerConfirmed(email);
      expect(await rememberedAfterLogin(email, {})).toBe(true);
      expect(await rememberedAfterLogin(email, { remember: false })).toBe(false);
    });
  });
});
