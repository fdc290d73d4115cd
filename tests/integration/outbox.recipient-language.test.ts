// Threat: a message written in the language of whoever's request sent it (an administrator's, an
// attacker's who asks for a reset) or of the server, not the reader's: a German user gets English
// mail, an Arabic one gets left-to-right mail. Guarantee: every email and text message is written
// in the recipient's users.locale, stored on the outbox row when it was queued; an account with no
// language, or an address with no account, gets SECURITY_DEFAULT_LOCALE.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { listOutbox } from "@/lib/mail/outbox";
import { queueEmail } from "@/lib/outbox/queue";
import { sendCode } from "@/lib/security/codes/send";
import { newTotpSecret } from "@/lib/security/codes/totp";
import { requestPasswordReset } from "@/lib/security/passwords/reset";
import { newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";
import { uniquePhone } from "../support/two-factor";

async function speaking(tag: string, locale: string | null) {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  const db = await getDb();
  await db.update(tables.users).set({ locale }).where(eq(tables.users.id, user.id));
  return { email, user: { ...user, locale } };
}

async function newestRow(to: string) {
  const db = await getDb();
  const rows = await db.select().from(tables.outbox).where(eq(tables.outbox.to, to));
  return rows.sort((a, b) => b.id - a.id)[0];
}

async function resetMail(email: string) {
  expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
  const row = await newestRow(email);
  const [mail] = await listOutbox({ to: email, limit: 1 });
  return { row, mail };
}

describe("emails in the recipient's language", () => {
  it("a user who reads German gets a German reset email: subject, body, <html lang>", async () => {
    const { email } = await speaking("lang-de", "de");
    const { row, mail } = await resetMail(email);
    expect(row?.locale).toBe("de");
    expect(mail?.subject).toMatch(/: Passwort zurücksetzen$/);
    expect(mail?.text).toContain("Jemand hat darum gebeten, das Passwort Ihres Kontos zurückzusetzen.");
    expect(mail?.text).toContain(`Hallo ${email},`);
    expect(mail?.text).not.toContain("Someone asked");
    expect(mail?.html).toMatch(/<html[^>]*lang="de"[^>]*dir="ltr"|<html[^>]*dir="ltr"[^>]*lang="de"/);
  });

  it("Arabic mail is right to left", async () => {
    const { email } = await speaking("lang-ar", "ar");
    const { mail } = await resetMail(email);
    expect(mail?.subject).toMatch(/: إعادة تعيين كلمة المرور$/);
    expect(mail?.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(mail?.html).toMatch(/<html[^>]*lang="ar"/);
  });

  it("a change notice's context lines and time are in the reader's language", async () => {
    const { email } = await speaking("lang-notice", "de");
    await queueEmail("change_notice", email, { appName: "Gatehouse", email, resetLink: null });
    const [mail] = await listOutbox({ to: email, limit: 1 });
    expect(mail?.subject).toBe("Gatehouse: Ihr Passwort wurde geändert");
    expect(mail?.text).toMatch(/Wann: .* UTC/);
    expect(mail?.text).toContain("Wenn Sie das nicht waren, prüfen Sie, welche Geräte angemeldet sind");
    expect(mail?.text).not.toContain("When:");
  });

  it("an account with no language, and an address with no account, get SECURITY_DEFAULT_LOCALE", async () => {
    const { email } = await speaking("lang-none", null);
    const stranger = uniqueEmail("lang-stranger");
    await withEnv({ SECURITY_DEFAULT_LOCALE: "fr" }, async () => {
      const { row, mail } = await resetMail(email);
      expect(row?.locale).toBe("fr");
      expect(mail?.subject).toMatch(/: Réinitialisez votre mot de passe$/);
      await queueEmail("login_instructions", stranger, { appName: "Gatehouse", email: stranger, loginLink: "https://example.test/x", within: "1 day" });
      expect((await newestRow(stranger))?.locale).toBe("fr");
    });
    const { row, mail } = await resetMail(email);
    expect(row?.locale).toBe("en");
    expect(mail?.subject).toMatch(/: Reset your password$/);
  });
});

describe("text messages in the recipient's language", () => {
  it("the one-time code's text follows users.locale, else the default", async () => {
    for (const [locale, words] of [
      ["de", "Ihr Anmeldecode für"],
      ["es", "Usa este código para iniciar sesión en"],
      [null, "Use this code to sign in to"],
    ] as const) {
      const { user } = await speaking(`sms-${locale ?? "none"}`, locale);
      const phone = uniquePhone().e164;
      const sent = await sendCode("two-factor", user, { method: "sms", secret: newTotpSecret(), phone }, newCtx());
      expect(sent).toEqual({ ok: true });
      const [sms] = await listOutbox({ to: phone, limit: 1, kind: "sms" });
      expect(sms?.text).toMatch(new RegExp(`^${words} .+: \\d{6}$`));
      expect((await newestRow(phone))?.locale).toBe(locale ?? "en");
    }
  });
});
