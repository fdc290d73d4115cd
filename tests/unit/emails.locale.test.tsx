// Guarantee: a template rendered in a language is written in it throughout (subject, body, the
// layout's shared lines, <html lang dir>), and the translated templates' English is today's English.
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail";
import { localizeDuration } from "@/lib/i18n/duration";
import { formatInstantIn } from "@/lib/security/core/time-zone";

const welcome = { appName: "Gatehouse", email: "ada@example.com", confirmationLink: "https://example.test/confirm/abc", within: "2 days" };

describe("emails in a language", () => {
  it("English is the default and reads as before", async () => {
    const mail = await renderEmail("welcome", welcome);
    expect(mail.subject).toBe("Gatehouse: Welcome");
    expect(mail.text).toContain("Welcome ada@example.com!");
    expect(mail.text).toContain("You received this email because of activity on your Gatehouse account.");
    expect(mail.html).toMatch(/<html[^>]*lang="en"/);
  });

  it("German: subject, body and the layout's footer, left to right", async () => {
    const mail = await renderEmail("welcome", welcome, "de");
    expect(mail.subject).toBe("Gatehouse: Willkommen");
    expect(mail.text).toContain("Bitte bestätigen Sie Ihre E-Mail-Adresse");
    expect(mail.text).toContain("Sie erhalten diese E-Mail wegen einer Aktivität in Ihrem Gatehouse-Konto.");
    expect(mail.html).toContain("Oder fügen Sie diesen Link in Ihren Browser ein:");
    expect(mail.html).toMatch(/<html[^>]*dir="ltr"/);
    expect(mail.html).toMatch(/<html[^>]*lang="de"/);
  });

  it("Arabic is right to left; the code stays left to right", async () => {
    const mail = await renderEmail(
      "us_instructions",
      { appName: "Gatehouse", email: "ada@example.com", code: "123456", loginLink: null, within: "5 minutes" },
      "ar",
    );
    expect(mail.subject).toBe("Gatehouse: رمز التحقق الخاص بك");
    expect(mail.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(mail.html).toMatch(/<bdi dir="ltr"><code[^>]*>123456<\/code><\/bdi>/);
  });

  it("times are written in the reader's language, the zone always named", () => {
    const at = new Date("2026-12-02T13:25:00Z");
    expect(formatInstantIn(at, null)).toBe("Dec 2, 2026, 1:25 PM UTC");
    expect(formatInstantIn(at, "Europe/Berlin", "de")).toBe("02.12.2026, 14:25 (Europe/Berlin)");
  });
});

describe("each translated template in German", () => {
  it("two_factor_instructions: subject, body and the lifetime in German; English as before", async () => {
    const props = { appName: "Gatehouse", email: "ada@example.com", code: "123456", within: "5 minutes" };
    const de = await renderEmail("two_factor_instructions", props, "de");
    expect(de.subject).toBe("Gatehouse: Ihr Anmeldecode");
    expect(de.text).toContain("Hier ist Ihr Code für den zweiten Schritt der Anmeldung bei Gatehouse");
    expect(de.text).toContain("läuft in 5 Minuten ab");
    const en = await renderEmail("two_factor_instructions", props);
    expect(en.subject).toBe("Gatehouse: Your sign-in code");
    expect(en.text).toContain("It works once and expires in 5 minutes. Never share it: Gatehouse will never ask you for it.");
  });

  it("new_device_sign_in: subject and body in German", async () => {
    const props = {
      appName: "Gatehouse",
      email: "ada@example.com",
      at: "02.12.2026, 14:25 (Europe/Berlin)",
      device: "Firefox on Linux",
      ip: "192.0.2.1",
      sessionsLink: "https://example.test/account/sessions",
      resetLink: null,
    };
    const de = await renderEmail("new_device_sign_in", props, "de");
    expect(de.subject).toBe("Gatehouse: Neue Anmeldung bei Ihrem Konto");
    expect(de.text).toContain("Ihr Konto wurde auf einem Gerät angemeldet");
    expect(de.text).toContain("IP-Adresse: 192.0.2.1");
    expect(de.html).toContain("Sitzungen überprüfen");
    const en = await renderEmail("new_device_sign_in", props);
    expect(en.subject).toBe("Gatehouse: New sign-in to your account");
    expect(en.text).toContain("Your account was signed in to from a device it has not been used on before:");
  });

  it("two_factor_changed: subject, body and the method's name in German", async () => {
    const props = { appName: "Gatehouse", email: "ada@example.com", change: "enabled", method: "sms", securityLink: "https://example.test/s" } as const;
    const de = await renderEmail("two_factor_changed", props, "de");
    expect(de.subject).toBe("Gatehouse: Die Bestätigung in zwei Schritten wurde aktiviert");
    expect(de.text).toContain("Die Bestätigung in zwei Schritten ist für Ihr Konto jetzt aktiviert, mit folgender Methode: SMS-Codes.");
    expect(de.text).toContain("Hier können Sie überprüfen, wie Ihr Konto geschützt ist:");
    const en = await renderEmail("two_factor_changed", props);
    expect(en.subject).toBe("Gatehouse: Two-step verification was turned on");
    expect(en.text).toContain("Two-step verification is now on for your account, using text message codes.");
  });

  it("sign_in_methods_changed: subject, body and the method's name in German", async () => {
    const props = { appName: "Gatehouse", email: "ada@example.com", change: "removed", method: "email", methodsLink: "https://example.test/m" } as const;
    const de = await renderEmail("sign_in_methods_changed", props, "de");
    expect(de.subject).toBe("Gatehouse: Ihre Anmeldemethoden wurden geändert");
    expect(de.text).toContain("Die Anmeldung mit folgender Methode wurde für Ihr Konto deaktiviert: E-Mail-Codes.");
    const en = await renderEmail("sign_in_methods_changed", props);
    expect(en.text).toContain("Signing in with email codes was turned off for your account.");
  });

  it("recovery_code_used: subject and the count, plural by the reader's language", async () => {
    const props = { appName: "Gatehouse", email: "ada@example.com", remaining: 1, codesLink: "https://example.test/c" };
    const de = await renderEmail("recovery_code_used", props, "de");
    expect(de.subject).toBe("Gatehouse: Ein Wiederherstellungscode wurde verwendet");
    expect(de.text).toContain("Sie haben noch 1 unbenutzten Code.");
    expect(de.html).toContain("Neue Codes erstellen");
    const en = await renderEmail("recovery_code_used", { ...props, remaining: 3 });
    expect(en.text).toContain("You have 3 unused codes left.");
    expect((await renderEmail("recovery_code_used", props)).text).toContain("You have 1 unused code left.");
  });

  it("passkey_changed: subject and body by the key's kind in German", async () => {
    const props = {
      appName: "Gatehouse",
      email: "ada@example.com",
      change: "added",
      name: "YubiKey",
      usage: "secondary",
      passkeysLink: "https://example.test/p",
    } as const;
    const de = await renderEmail("passkey_changed", props, "de");
    expect(de.subject).toBe("Gatehouse: Ihrem Konto wurde ein Sicherheitsschlüssel hinzugefügt");
    expect(de.text).toContain("Der Sicherheitsschlüssel „YubiKey“ wurde Ihrem Konto hinzugefügt.");
    const en = await renderEmail("passkey_changed", { ...props, usage: "first", change: "removed" });
    expect(en.subject).toBe("Gatehouse: A passkey was removed from your account");
    expect(en.text).toContain('The passkey named "YubiKey" was removed from your account. It can no longer be used to sign in.');
  });

  it("account_locked: subject and body in German", async () => {
    const props = {
      appName: "Gatehouse",
      email: "ada@example.com",
      unlockLink: "https://example.test/u",
      within: "1 day",
      resetLink: "https://example.test/r",
    };
    const de = await renderEmail("account_locked", props, "de");
    expect(de.subject).toBe("Gatehouse: Ihr Konto ist gesperrt");
    expect(de.text).toContain("Die Anmeldung bei Ihrem Konto wurde nach zu vielen falschen Passwörtern");
    expect(de.html).toContain("Mein Konto entsperren");
    const en = await renderEmail("account_locked", props);
    expect(en.text).toContain("If it wasn't you, someone may be guessing your password");
  });
});

describe("a lifetime in the reader's language", () => {
  it("rewrites the flows' humanized English; keeps English and anything else as it is", () => {
    expect(localizeDuration("2 days", "en")).toBe("2 days");
    expect(localizeDuration("2 days", "de")).toBe("2 Tage");
    expect(localizeDuration("1 hour and 30 minutes", "fr")).toMatch(/^1\sheure et 30\sminutes$/);
    expect(localizeDuration("1 minute", "es")).toBe("1 minuto");
    expect(localizeDuration("soon", "de")).toBe("soon");
  });
});
