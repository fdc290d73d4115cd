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
const { confirmEmailAction } = await import("@/app/(auth)/confirm/[token]/actions");
const { confirmEmailChangeAction } = await import("@/app/(auth)/change-email/[token]/actions");
const { startTwoFactorSetupAction, confirmTwoFactorSetupAction } = await import("@/app/(account)/account/security/two-step/actions");
const { requestEmailChange } = await import("@/lib/security/lifecycle/change-email");
const { codeAt } = await import("../support/two-factor");

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

describe("SECURITY_POST_CONFIRM_VIEW", () => {
  async function confirmationToken(): Promise<string> {
    const email = uniqueEmail("confirm-view");
    await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
    return extractLink((await latestMail(email))?.text ?? "", "/confirm/");
  }

  it("unset: /login; set to a path: the view, with EMAIL_CONFIRMED", async () => {
    const client = new ApiClient();
    expect(await outcome(client, async () => confirmEmailAction(await confirmationToken()))).toBe("redirect /login?notice=EMAIL_CONFIRMED");
    await withEnv({ SECURITY_POST_CONFIRM_VIEW: "/welcome" }, async () => {
      expect(await outcome(client, async () => confirmEmailAction(await confirmationToken()))).toBe("redirect /welcome?notice=EMAIL_CONFIRMED");
    });
  });
});

describe("SECURITY_POST_CHANGE_EMAIL_VIEW", () => {
  it("a confirmed change lands on the view (unset: /login when not signed in here)", async () => {
    const changeToken = async (): Promise<string> => {
      const user = await registerConfirmed(uniqueEmail("old"));
      const newEmail = uniqueEmail("new");
      expect(await requestEmailChange(user, newEmail, newCtx())).toMatchObject({ ok: true });
      return extractLink((await latestMail(newEmail))?.text ?? "", "/change-email/");
    };
    const client = new ApiClient();
    expect(await outcome(client, async () => confirmEmailChangeAction(await changeToken()))).toBe("redirect /login?notice=CHANGE_EMAIL_CONFIRMED");
    await withEnv({ SECURITY_POST_CHANGE_EMAIL_VIEW: "/email-changed" }, async () => {
      expect(await outcome(client, async () => confirmEmailChangeAction(await changeToken()))).toBe("redirect /email-changed?notice=CHANGE_EMAIL_CONFIRMED");
    });
  });
});

describe("SECURITY_TWO_FACTOR_POST_SETUP_VIEW", () => {
  it("a confirmed authenticator setup lands on the view (unset: the two-factor page)", async () => {
    const setUp = async (): Promise<string> => {
      const email = uniqueEmail("tf-view");
      await registerConfirmed(email);
      const client = await signedInClient(email);
      let step: { setupToken: string; secret: string } | undefined;
      await outcome(client, async () => {
        const started = await startTwoFactorSetupAction({ method: "authenticator" });
        // The key the page shows in groups of four is the base32 secret an authenticator app takes.
        if (started && "setup" in started && started.setup.enrollment)
          step = { setupToken: started.setup.setupToken, secret: started.setup.enrollment.key.replace(/\s/g, "") };
      });
      expect(step).toBeDefined();
      return outcome(client, async () => confirmTwoFactorSetupAction({ setupToken: step!.setupToken, code: await codeAt(step!.secret) }));
    };
    expect(await setUp()).toBe("redirect /account/security?notice=TWO_FACTOR_ENABLED");
    await withEnv({ SECURITY_TWO_FACTOR_POST_SETUP_VIEW: "/security" }, async () => {
      expect(await setUp()).toBe("redirect /security?notice=TWO_FACTOR_ENABLED");
    });
  });
});
