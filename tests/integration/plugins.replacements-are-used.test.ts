// Threat: a product swaps a utility in lib/security/plugins.ts and some path keeps using the default (a password
// rule enforced at registration but not at change, a username key that differs between sign-up and sign-in).
// Guarantee: the core reads the registry on every call, in every flow.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import type { MailMessage } from "@/lib/mail";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { usePlugins } from "@/lib/security/core/plugins";
import { validateEmail } from "@/lib/security/accounts/identity";
import { changePassword } from "@/lib/security/passwords/change";
import { checkPasswordPolicy } from "@/lib/security/passwords/policy";
import { registerUser } from "@/lib/security/registration/register";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import {
  countUsersWithEmail,
  newCtx,
  OTHER_STRONG_PASSWORD,
  registerConfirmed,
  STRONG_PASSWORD,
  uniqueEmail,
  userByEmail,
  withEnvForTheFile,
} from "../support/flows";

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

/** A password sign-in's outcome: true when the password was accepted. */
async function signsIn(identity: string, password: string): Promise<boolean> {
  return (await loginWithPassword({ identity, password, remember: false }, newCtx())).ok;
}

describe("the mail utility's normalize and validate", () => {
  it("a custom normalizer (sub-addresses are one mailbox) decides the stored key and the sign-in look-up", async () => {
    usePlugins({ mail: { normalize: (email, builtIn) => builtIn(email).replace(/\+[^@]*@/, "@") } });
    const [local, domain] = uniqueEmail("tagged").split("@");
    await registerConfirmed(`${local}+news@${domain}`);
    expect((await userByEmail(`${local}+news@${domain}`)).emailNormalized).toBe(`${local}@${domain}`);
    expect(await signsIn(`${local}+other@${domain}`, STRONG_PASSWORD)).toBe(true);
  });

  it("a custom validator refuses an address the default accepts, at registration", async () => {
    const email = `${crypto.randomUUID()}@throwaway.test`;
    expect(validateEmail(email)).toBeNull();
    usePlugins({ mail: { validate: (address, builtIn) => (address.endsWith("@throwaway.test") ? "INVALID_EMAIL_ADDRESS" : builtIn(address)) } });
    expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await countUsersWithEmail(email)).toBe(0);
  });
});

describe("the password utility's normalize and hashParameters", () => {
  it("a custom normalizer (case-blind passwords) is what the hash is made from and the sign-in compares", async () => {
    usePlugins({ password: { normalize: (pw) => pw.normalize("NFKD").toLowerCase() } });
    const email = uniqueEmail("case-blind");
    await registerConfirmed(email, STRONG_PASSWORD);
    expect(await signsIn(email, STRONG_PASSWORD.toUpperCase())).toBe(true);
    usePlugins(null);
    expect(await signsIn(email, STRONG_PASSWORD.toUpperCase())).toBe(false);
  });

  it("raised argon2id parameters make new hashes, and re-make an older hash at the next sign-in", async () => {
    const email = uniqueEmail("raised");
    await registerConfirmed(email);
    expect((await userByEmail(email)).passwordHash).toContain("m=19456,t=2,p=1");
    usePlugins({ password: { hashParameters: { memoryCost: 19_456, timeCost: 3, parallelism: 1 } } });
    expect(await signsIn(email, STRONG_PASSWORD)).toBe(true);
    expect((await userByEmail(email)).passwordHash).toContain("m=19456,t=3,p=1");
    const later = uniqueEmail("raised-new");
    await registerConfirmed(later);
    expect((await userByEmail(later)).passwordHash).toContain("m=19456,t=3,p=1");
  });
});

describe("the username utility's validate", () => {
  it("a custom validator refuses a name the default accepts, at registration", async () => {
    usePlugins({ username: { validate: (name, builtIn) => (/^admin/i.test(name) ? "USERNAME_DISALLOWED_CHARACTERS" : builtIn(name)) } });
    const email = uniqueEmail("reserved");
    const name = `admin${crypto.randomUUID().replaceAll("-", "").slice(0, 8)}`;
    expect(await registerUser({ email, password: STRONG_PASSWORD, username: name }, newCtx())).toMatchObject({
      ok: false,
      fieldErrors: { username: [expect.any(String)] },
    });
    usePlugins(null);
    expect((await registerUser({ email, password: STRONG_PASSWORD, username: name }, newCtx())).ok).toBe(true);
  });
});
