// Threat: a new account whose mail is in the server's language, not the one its owner registered
// in (and later mail, sent from someone else's request, never in theirs). Guarantee: registration
// stores the registering request's language as users.locale — the page's, or the API client's
// Accept-Language when it names a language Gatehouse has, else none — and the welcome is in it.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { getDb, tables } = await import("@/lib/db");
const { ApiClient } = await import("../support/api");
const { latestMail, newCtx, STRONG_PASSWORD, uniqueEmail } = await import("../support/flows");
const { registerWithForm } = await import("@/lib/security/registration/register-form");
const registerRoute = await import("@/app/api/security/register/route");

async function localeOf(email: string): Promise<string | null | undefined> {
  const db = await getDb();
  const [row] = await db.select({ locale: tables.users.locale }).from(tables.users).where(eq(tables.users.emailNormalized, email.toLowerCase()));
  return row?.locale;
}

describe("a new account's language", () => {
  it("is the registering page's language, and its welcome is written in it", async () => {
    const email = uniqueEmail("reg-lang-de");
    const outcome = await registerWithForm({ email, password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, newCtx(), "de");
    expect(outcome.ok).toBe(true);
    expect(await localeOf(email)).toBe("de");
    expect((await latestMail(email))?.subject).toMatch(/: Willkommen$/);
  });

  it("over the API: Accept-Language when it names a supported language, else none", async () => {
    for (const [acceptLanguage, expected] of [
      ["ar-EG,ar;q=0.9,en;q=0.5", "ar"],
      ["ja,zh;q=0.8", null],
    ] as const) {
      const email = uniqueEmail("reg-lang-api");
      const registered = await new ApiClient().call(registerRoute.POST, "POST", "/api/security/register", {
        json: { email, password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
        headers: { "accept-language": acceptLanguage },
      });
      expect(registered.status).toBe(200);
      expect(await localeOf(email)).toBe(expected);
    }
  });
});
