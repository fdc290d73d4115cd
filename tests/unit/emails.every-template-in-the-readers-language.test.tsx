// Guarantee: every email template is written in the recipient's language, subject and body, with no
// English sentence left over, and Arabic mail reads right to left. The samples are typed by template
// name, so a new template fails to compile here until it has one (and so is checked too).
import { describe, expect, it } from "vitest";
import type { EmailChangeContext } from "@/emails/layout";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { renderEmail, type EmailName, type EmailProps } from "@/lib/mail";
import { flatten } from "./support/catalogue";

const appName = "Gatehouse";
const email = "ada@example.com";
const link = "https://example.test/l/abc";
const context: EmailChangeContext = {
  at: "2026-12-02T13:25:00Z",
  timeZone: "Europe/Berlin",
  device: "Firefox 133, Linux",
  sessionsLink: "https://example.test/account/sessions",
  resetLink: "https://example.test/reset",
};

/** One sample per template, each with its optional parts present so that all their words show. */
const SAMPLES: { [K in EmailName]: EmailProps<K> } = {
  welcome: { appName, email, confirmationLink: link, within: "2 days" },
  welcome_existing: { appName, email, resetLink: link, takeOverLink: link, username: "ada" },
  welcome_existing_username: { appName, email, username: "ada" },
  confirmation_instructions: { appName, email, confirmationLink: link, within: "2 days" },
  reset_instructions: { appName, email, resetLink: link, within: "1 hour" },
  reset_notice: { appName, email, signInLink: link, context },
  change_notice: { appName, email, resetLink: link, context },
  two_factor_instructions: { appName, email, code: "123456", within: "5 minutes" },
  two_factor_rescue: { appName, email, userId: "0b6f1c1e-1c1e-4c1e-8c1e-0b6f1c1e1c1e" },
  us_instructions: { appName, email, code: "123456", loginLink: link, within: "5 minutes" },
  login_instructions: { appName, email, loginLink: link, within: "1 hour" },
  change_email_instructions: { appName, currentEmail: email, newEmail: "ada@new.example", link, within: "2 hours" },
  change_username_notice: { appName, email, username: "ada2", oldUsername: "ada", resetLink: link },
  username_recovery: { appName, email, username: "ada", signInLink: link },
  two_factor_changed: { appName, email, change: "enabled", method: "authenticator", securityLink: link, context },
  recovery_code_used: { appName, email, remaining: 3, codesLink: link, context },
  sign_in_methods_changed: { appName, email, change: "added", method: "email", methodsLink: link, context },
  account_locked: { appName, email, unlockLink: link, within: "1 day", resetLink: link },
  change_email_requested: { appName, email, newEmail: "ada@new.example", cancelLink: link, resetLink: link, within: "2 hours", context },
  change_email_notice: { appName, oldEmail: email, newEmail: "ada@new.example", context },
  account_deleted: { appName, email, by: "admin" },
  new_device_sign_in: { appName, email, at: "02.12.2026, 14:25", device: "Firefox 133, Linux", ip: "192.0.2.1", sessionsLink: link, resetLink: link },
  passkey_changed: { appName, email, change: "added", name: "YubiKey", usage: "first", passkeysLink: link, context },
  oauth_changed: { appName, email, change: "linked", provider: "GitHub", providerEmail: "ada@github.example", connectionsLink: link, context },
};

/** The subject's key under emails.<name>, for the templates whose subject depends on what changed. */
const SUBJECT_KEY: Partial<Record<EmailName, string>> = {
  two_factor_changed: "subject.enabled",
  passkey_changed: "passkey.added.subject",
  oauth_changed: "subject.linked",
};

const english = flatten(CATALOGUES.en);
const german = flatten(CATALOGUES.de);

/** What a reader sees of the HTML part (preview line and buttons included): tags dropped, entities read, spaces collapsed. */
function readable(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;|&#xA0;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u034f\u200c\u200b\ufeff]+/g, " ");
}

/**
 * The literal runs of a template's messages (emails.<name>.* and the shared emails.layout.*) in a
 * language: the text between arguments, plural options and tags, long enough to be a phrase.
 */
function phrases(messages: Map<string, string>, name: EmailName, withLayout = true): string[] {
  return [...messages]
    .filter(([key]) => key.startsWith(`emails.${name}.`) || (withLayout && key.startsWith("emails.layout.")))
    .flatMap(([, text]) => text.split(/[{}<>]|\b(?:one|other|zero|two|few|many)\b|#/))
    .map((run) => run.trim())
    .filter((run) => run.length >= 12);
}

const names = Object.keys(SAMPLES) as EmailName[];

describe("every template in German", () => {
  it.each(names)("%s: the subject and body are the German catalogue's words, no English left", async (name) => {
    const mail = await renderEmail(name, SAMPLES[name] as EmailProps<typeof name>, "de");
    const subjectKey = `emails.${name}.${SUBJECT_KEY[name] ?? "subject"}`;
    expect(german.get(subjectKey), subjectKey).toBeDefined();
    expect(mail.subject).toBe(`${appName}: ${german.get(subjectKey)}`);
    expect(mail.html).toMatch(/<html[^>]*lang="de"/);

    const seen = readable(mail.html);
    const text = mail.text.replace(/\s+/g, " ");
    expect(
      phrases(german, name, false).filter((run) => seen.includes(run)),
      "the template's own German phrases",
    ).not.toEqual([]);
    expect(text).toContain(`Sie erhalten diese E-Mail wegen einer Aktivität in Ihrem ${appName}-Konto.`);

    const germanAll = new Set(phrases(german, name));
    const leftover = phrases(english, name).filter((run) => !germanAll.has(run) && (seen.includes(run) || text.includes(run) || mail.subject.includes(run)));
    expect(leftover, "English phrases in the German mail").toEqual([]);
  });
});

describe("every template in Arabic", () => {
  it.each(names)("%s: right to left, the subject in Arabic", async (name) => {
    const mail = await renderEmail(name, SAMPLES[name] as EmailProps<typeof name>, "ar");
    expect(mail.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(mail.html).toMatch(/<html[^>]*lang="ar"/);
    expect(mail.subject).toMatch(/[\u0600-\u06ff]/);
  });
});
