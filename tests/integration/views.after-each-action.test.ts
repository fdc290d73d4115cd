// Threat: an integrator sets the reference's post-action views and users still land on Gatehouse's
// pages (or a missing role shows a bare 403 where the product asked for its own page), silently.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`REDIRECT ${url}`), { url });
  },
  forbidden: () => {
    throw Object.assign(new Error("FORBIDDEN"), { status: 403 });
  },
  notFound: () => {
    throw Object.assign(new Error("NOT_FOUND"), { status: 404 });
  },
}));

const { ApiClient } = await import("../support/api");
const { extractLink, latestMail, newCtx, registerConfirmed, STRONG_PASSWORD, OTHER_STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const { registerUser } = await import("@/lib/security/registration/register");
const { requestPasswordReset } = await import("@/lib/security/passwords/reset");
const { requireUserUnder } = await import("@/lib/security/sessions/guards");
const loginRoute = await import("@/app/api/security/login/route");
const sessionRoute = await import("@/app/(auth)/login/session/route");
const { registerAction } = await import("@/app/(auth)/register/actions");
const { resetPasswordAction } = await import("@/app/(auth)/reset-password/[token]/actions");
const { changePasswordAction } = await import("@/app/(account)/account/password/actions");

type Client = InstanceType<typeof ApiClient>;

/** Runs a server action or guard as `client` and says where it sent the browser. */
async function outcome(client: Client, run: () => Promise<unknown>): Promise<string> {
  let said = "";
  await client.send(async () => {
    try {
      await run();
      said = "allowed";
    } catch (error) {
      const e = error as { url?: string; status?: number };
      said = e.url ? `redirect ${e.url}` : e.status === 403 ? "forbidden" : `error ${String(error)}`;
    }
    return new Response(null);
  }, new Request("http://localhost:3000/"));
  return said;
}

async function signedInClient(email: string, password = STRONG_PASSWORD): Promise<Client> {
  const client = new ApiClient();
  const login = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password } });
  expect(login.status).toBe(200);
  return client;
}

describe("SECURITY_UNAUTHORIZED_VIEW", () => {
  const rule = { prefix: "/reports", access: "signed-in" as const, roles: ["auditor"] };

  it("unset, a signed-in user without the role gets the 403 page", async () => {
    const client = await signedInClient((await registerConfirmed(uniqueEmail("noview"))).email);
    expect(await outcome(client, () => requireUserUnder(rule, "/reports"))).toBe("forbidden");
  });

  it("set, the same user is sent to it with the reference's message", async () => {
    await withEnv({ SECURITY_UNAUTHORIZED_VIEW: "/no-access" }, async () => {
      const client = await signedInClient((await registerConfirmed(uniqueEmail("view"))).email);
      expect(await outcome(client, () => requireUserUnder(rule, "/reports"))).toBe("redirect /no-access?notice=UNAUTHORIZED");
    });
  });
});

describe("SECURITY_POST_REGISTER_VIEW", () => {
  it("unset: the check-your-email page; set: the view, with CONFIRM_REGISTRATION", async () => {
    const client = new ApiClient();
    const first = uniqueEmail("reg");
    const fields = (email: string) => ({ email, password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD });
    expect(await outcome(client, () => registerAction(fields(first)))).toBe(`redirect /register/check-email?email=${encodeURIComponent(first)}`);
    await withEnv({ SECURITY_POST_REGISTER_VIEW: "/welcome" }, async () => {
      expect(await outcome(client, () => registerAction(fields(uniqueEmail("reg"))))).toBe("redirect /welcome?notice=CONFIRM_REGISTRATION");
    });
  });
});

describe("SECURITY_POST_RESET_VIEW", () => {
  it("a reset lands on the view (unset: /login), not signed in", async () => {
    await withEnv({ SECURITY_POST_RESET_VIEW: "/reset-done?x=1" }, async () => {
      const email = uniqueEmail("reset");
      await registerConfirmed(email);
      expect(await requestPasswordReset(email, newCtx())).toMatchObject({ ok: true });
      const token = extractLink((await latestMail(email))?.text ?? "", "/reset-password/");
      const client = new ApiClient();
      const input = { token, password: OTHER_STRONG_PASSWORD, passwordConfirm: OTHER_STRONG_PASSWORD };
      expect(await outcome(client, () => resetPasswordAction(input))).toBe("redirect /reset-done?x=1&notice=PASSWORD_RESET_NO_LOGIN");
    });
  });
});

describe("SECURITY_POST_CHANGE_VIEW", () => {
  it("a password change lands on the view (unset: /account)", async () => {
    const email = uniqueEmail("change");
    await registerConfirmed(email);
    const input = { password: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD, newPasswordConfirm: OTHER_STRONG_PASSWORD };
    expect(await outcome(await signedInClient(email), () => changePasswordAction(input))).toBe("redirect /account?notice=PASSWORD_CHANGE");
    await withEnv({ SECURITY_POST_CHANGE_VIEW: "/settings" }, async () => {
      const back = { password: OTHER_STRONG_PASSWORD, newPassword: STRONG_PASSWORD, newPasswordConfirm: STRONG_PASSWORD };
      expect(await outcome(await signedInClient(email, OTHER_STRONG_PASSWORD), () => changePasswordAction(back))).toBe(
        "redirect /settings?notice=PASSWORD_CHANGE",
      );
    });
  });
});

describe("SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW", () => {
  async function signInUnconfirmed(email: string): Promise<Response> {
    const body = new URLSearchParams({ identity: email, password: STRONG_PASSWORD }).toString();
    const request = new Request("http://localhost:3000/login/session", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", "x-forwarded-for": newCtx().ip.split("-")[0]! },
      body,
    });
    return new ApiClient().send(sessionRoute.POST as (r: Request) => Promise<Response>, request);
  }

  it("unset: back to /login with CONFIRMATION_REQUIRED; set: the view with ?email= (the /confirm page prefills it)", async () => {
    const email = uniqueEmail("unconfirmed");
    expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true, status: "confirm-sent" });
    const plain = await signInUnconfirmed(email);
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("http://localhost:3000/login?notice=CONFIRMATION_REQUIRED");
    await withEnv({ SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW: "/confirm" }, async () => {
      const sent = await signInUnconfirmed(email);
      expect(sent.headers.get("location")).toBe(`http://localhost:3000/confirm?email=${encodeURIComponent(email)}`);
    });
  });

  it("a wrong password is still the plain refusal, so the view tells nothing about unconfirmed accounts", async () => {
    await withEnv({ SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW: "/confirm" }, async () => {
      const email = uniqueEmail("unconfirmed");
      await registerUser({ email, password: OTHER_STRONG_PASSWORD }, newCtx());
      const wrong = await signInUnconfirmed(email);
      expect(wrong.headers.get("location")).not.toContain("/confirm");
    });
  });
});
