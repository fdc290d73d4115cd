// Threat: a product swaps a utility in lib/security/plugins.ts and some path keeps using the default (a password
// rule enforced at registration but not at change, a username key that differs between sign-up and sign-in).
// Guarantee: the core reads the registry on every call, in every flow.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import type { MailMessage } from "@/lib/mail";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { usePlugins } from "@/lib/security/core/plugins";
import { changePassword } from "@/lib/security/passwords/change";
import { checkPasswordPolicy } from "@/lib/security/passwords/policy";
import { registerUser } from "@/lib/security/registration/register";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { newCtx, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnvForTheFile } from "../support/flows";

withEnvForTheFile({ SECURITY_USERNAME_ENABLE: "true" });
afterEach(() => usePlugins(null));

// A company rule on top of the default policy: no password may name the product.
const NAMES_THE_PRODUCT = "acme lighthouse tangerine 42";

describe("the password utility", () => {
  it("a custom validator refuses a password at registration and at change, and keeps the default rules", async () => {
    expect(await checkPasswordPolicy(NAMES_THE_PRODUCT)).toBeNull();
    usePlugins({ password: { validate: async (pw, context, builtIn) => (/acme/i.test(pw) ? "PASSWORD_TOO_COMMON" : builtIn(pw, context)) } });
    expect(await checkPasswordPolicy("short")).toBe("PASSWORD_INVALID_LENGTH");

    const refused = await registerUser({ email: uniqueEmail("acme"), password: NAMES_THE_PRODUCT }, newCtx());
    expect(refused).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });

    const email = uniqueEmail("changer");
    await registerConfirmed(email);
    const signedIn = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx());
    if (!signedIn.ok) throw new Error(signedIn.code);
    const user = await userByEmail(email);
    const [session] = await (await getDb()).select().from(tables.sessions).where(eq(tables.sessions.userId, user.id));
    if (!session) throw new Error("no session");
    const change = await changePassword(user, session, { password: STRONG_PASSWORD, newPassword: NAMES_THE_PRODUCT }, newCtx());
    expect(change).toMatchObject({ ok: false, code: "PASSWORD_TOO_COMMON" });
    expect((await changePassword(user, session, { password: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD }, newCtx())).ok).toBe(true);
  });
});

describe("the username utility", () => {
  it("a custom normalizer decides the stored key at registration and the look-up at sign-in", async () => {
    // Zero and the letter o are one character for this product (they look alike).
    usePlugins({ username: { normalize: (name, builtIn) => builtIn(name).replaceAll("0", "o") } });
    const email = uniqueEmail("named");
    const tag = crypto.randomUUID().replaceAll("-", "").slice(0, 8).replace(/[0o]/g, "x");
    const registered = await registerUser({ email, password: STRONG_PASSWORD, username: `b0b${tag}` }, newCtx());
    expect(registered.ok).toBe(true);
    const user = await userByEmail(email);
    expect(user.usernameNormalized).toBe(`bob${tag}`);
    await (await getDb()).update(tables.users).set({ confirmedAt: new Date() }).where(eq(tables.users.id, user.id));
    expect((await loginWithPassword({ identity: `BOB${tag}`, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);
    usePlugins(null);
    // Without the replacement the same name is another key: the look-up misses.
    expect((await loginWithPassword({ identity: `b0b${tag}`, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(false);
  });
});

describe("the mail utility", () => {
  it("a custom sender receives the rendered message from the outbox", async () => {
    const received: MailMessage[] = [];
    usePlugins({ mail: { send: async (message) => void received.push(message) } });
    const email = uniqueEmail("mailed");
    expect((await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).ok).toBe(true);
    await deliverOutbox();
    const welcome = received.find((m) => m.to === email);
    expect(welcome?.subject).toMatch(/confirm|welcome/i);
    expect(welcome?.text).toContain("/confirm/");
    const [row] = await (await getDb()).select().from(tables.outbox).where(eq(tables.outbox.to, email));
    expect(row).toMatchObject({ status: "sent", transport: "mail-util" });
  });
});
