// Guarantee: every security email renders its action link (or code) in both the HTML and plain-text
// parts, with the right subject and no leaked `undefined` — a broken link strands a user outside their account.
import { beforeEach, describe, expect, it } from "vitest";
import { EMAILS } from "@/emails";
import { sendEmail } from "@/lib/mail";
import type { EmailName, EmailProps, MailMessage, MailTransport } from "@/lib/mail";

const APP = "Gatehouse";
const TO = "ada@example.com";

let sent: MailMessage[] = [];

beforeEach(() => {
  sent = [];
});

const capture: MailTransport = {
  name: "capture",
  send: async (message: MailMessage): Promise<void> => {
    sent.push(message);
  },
};

async function sendOne<K extends EmailName>(name: K, props: EmailProps<K>): Promise<MailMessage> {
  await sendEmail(name, TO, props, capture);
  expect(sent).toHaveLength(1);
  const message = sent[0];
  if (!message) throw new Error("nothing sent");
  expect(message.to).toBe(TO);
  expect(message.from).toContain("@");
  for (const part of [message.html, message.text]) {
    expect(part).not.toContain("undefined");
    expect(part).not.toContain("[object Object]");
    expect(part).toContain(`activity on your ${APP} account`);
  }
  return message;
}

function expectLink(message: MailMessage, link: string): void {
  // The HTML escapes `&` in attributes and text; the plain-text part carries the raw URL.
  expect(message.html).toContain(link.replaceAll("&", "&amp;"));
  expect(message.text).toContain(link);
}

describe("email templates through sendEmail", () => {
  it("welcome carries the confirmation link and its lifetime", async () => {
    const link = "https://app.test/confirm/tok-welcome?next=%2F&x=1";
    const m = await sendOne("welcome", { appName: APP, email: TO, confirmationLink: link, within: "2 days" });
    expect(m.subject).toBe(`${APP}: Welcome`);
    expect(m.text).toContain(`Welcome ${TO}!`);
    expect(m.html).toContain("Confirm email");
    expect(m.text).toContain("This link will expire in 2 days.");
    expectLink(m, link);
  });

  it("welcome without confirmation has no link", async () => {
    const m = await sendOne("welcome", { appName: APP, email: TO, confirmationLink: null, within: "2 days" });
    expect(m.text).toContain(`Welcome ${TO}!`);
    expect(m.text).not.toContain("http");
    expect(m.text).not.toContain("expire");
  });

  it("welcome_existing offers the reset link of a confirmed account", async () => {
    const reset = "https://app.test/reset/tok-r";
    const m = await sendOne("welcome_existing", { appName: APP, email: TO, resetLink: reset, takeOverLink: null, username: "ada" });
    expect(m.subject).toBe(`${APP}: You already have an account`);
    expect(m.text).toContain("Someone (you?) tried to register this email address. It already has an account.");
    expect(m.text).toContain("If this wasn't you, you can ignore this email.");
    expect(m.text).toContain("ada");
    expectLink(m, reset);
    expect(m.text).not.toContain("/confirm/");
  });

  it("welcome_existing of an unconfirmed account offers a take-over link, never a confirmation link", async () => {
    const takeOver = "https://app.test/reset-password/tok-t";
    const m = await sendOne("welcome_existing", { appName: APP, email: TO, resetLink: null, takeOverLink: takeOver, username: null });
    expect(m.text).toContain("never confirmed");
    expectLink(m, takeOver);
    expect(m.text).not.toContain("/confirm/");
  });

  it("welcome_existing_username names the taken username", async () => {
    const m = await sendOne("welcome_existing_username", { appName: APP, email: TO, username: "grace" });
    expect(m.subject).toBe(`${APP}: You already have an account`);
    expect(m.text).toContain('You attempted to register with a username "grace" that is already associated with another account.');
  });

  it("confirmation_instructions carries the link and its lifetime", async () => {
    const link = "https://app.test/confirm/tok-ci";
    const m = await sendOne("confirmation_instructions", { appName: APP, email: TO, confirmationLink: link, within: "2 days" });
    expect(m.subject).toBe(`${APP}: Confirm your email address`);
    expect(m.text).toContain("This link will expire in 2 days.");
    expectLink(m, link);
  });

  it("reset_instructions carries the link and reassures a non-requester", async () => {
    const link = "https://app.test/reset/tok-ri";
    const m = await sendOne("reset_instructions", { appName: APP, email: TO, resetLink: link, within: "1 day" });
    expect(m.subject).toBe(`${APP}: Reset your password`);
    expect(m.text).toContain("This link will expire in 1 day.");
    expect(m.text).toContain("If you did not ask, ignore this email; your password stays the same.");
    expectLink(m, link);
  });

  it("reset_notice links to sign-in", async () => {
    const link = "https://app.test/login";
    const m = await sendOne("reset_notice", { appName: APP, email: TO, signInLink: link });
    expect(m.subject).toBe(`${APP}: Your password was reset`);
    expect(m.text).toContain("Your password has been reset");
    expectLink(m, link);
  });

  it("change_notice offers a reset link when recovery is on", async () => {
    const link = "https://app.test/reset";
    const m = await sendOne("change_notice", { appName: APP, email: TO, resetLink: link });
    expect(m.subject).toBe(`${APP}: Your password was changed`);
    expect(m.text).toContain("The password of your account was changed.");
    expect(m.text).toContain("If this wasn't you, reset your password:");
    expectLink(m, link);
  });

  it("change_notice without recovery just informs", async () => {
    const m = await sendOne("change_notice", { appName: APP, email: TO, resetLink: null });
    expect(m.text).toContain("The password of your account was changed.");
    expect(m.text).not.toContain("reset your password");
  });

  it("two_factor_instructions shows the code, contiguous in both parts, and its lifetime", async () => {
    const m = await sendOne("two_factor_instructions", { appName: APP, email: TO, code: "123456", within: "5 minutes" });
    expect(m.subject).toBe(`${APP}: Your sign-in code`);
    expect(m.text).toContain(`Here is your code for the second step of signing in to ${APP}`);
    // Spaced by CSS only: typing or pasting it must give the digits as-is.
    expect(m.html).toContain("123456");
    expect(m.text).toContain("123456");
    expect(m.html).toContain("letter-spacing");
    expect(m.text).toContain("It works once and expires in 5 minutes.");
    expect(m.text).toContain("If you didn't just try to sign in, someone may know your password: change it.");
    // A locked phone shows the preview line: the code must not be in it.
    expect(m.html.indexOf("123456")).toBe(m.html.lastIndexOf("123456"));
  });

  it("two_factor_rescue tells the administrator who asked", async () => {
    const m = await sendOne("two_factor_rescue", { appName: APP, email: "grace@example.com", userId: "usr_42" });
    expect(m.subject).toBe(`${APP}: Someone needs help signing in`);
    expect(m.text).toContain("grace@example.com can't use their second sign-in step and asked for help.");
    expect(m.html).toContain("usr_42");
    expect(m.text).toContain("User id: usr_42");
    expect(m.text).toContain("Make sure it's really them before you reset their two-step verification.");
  });

  it.each([
    ["enabled", "Two-step verification was turned on"],
    ["changed", "Your two-step verification method was changed"],
    ["disabled", "Two-step verification was turned off"],
  ] as const)("two_factor_changed (%s) has its own subject and the security link", async (change, subject) => {
    const link = "https://app.test/account/security?tab=2fa&from=mail";
    const m = await sendOne("two_factor_changed", { appName: APP, email: TO, change, method: "authenticator app", securityLink: link });
    expect(m.subject).toBe(`${APP}: ${subject}`);
    expect(m.text).toContain("authenticator app");
    expect(m.text).toContain("You can review how your account is protected here:");
    expectLink(m, link);
  });

  it("two_factor_changed without a method still reads as a sentence", async () => {
    const link = "https://app.test/account/security";
    const m = await sendOne("two_factor_changed", { appName: APP, email: TO, change: "disabled", method: null, securityLink: link });
    expect(m.text).toContain("Two-step verification was turned off for your account.");
    expect(m.text).not.toContain("null");
    expect(m.text).not.toContain("()");
    expectLink(m, link);
  });

  it("method-change emails name the method from its key, in the words the pages use", async () => {
    const tf = await sendOne("two_factor_changed", { appName: APP, email: TO, change: "enabled", method: "sms", securityLink: "https://app.test/a" });
    expect(tf.text).toContain("Two-step verification is now on for your account, using text message codes.");
    sent = [];
    const us = await sendOne("sign_in_methods_changed", {
      appName: APP,
      email: TO,
      change: "added",
      method: "authenticator",
      methodsLink: "https://app.test/b",
    });
    expect(us.text).toContain("You can now sign in to your account with an authenticator app.");
  });

  it("recovery_code_used with few codes left offers a new set", async () => {
    const link = "https://app.test/account/security/recovery-codes?regen=1&x=2";
    const m = await sendOne("recovery_code_used", { appName: APP, email: TO, remaining: 2, codesLink: link });
    expect(m.subject).toBe(`${APP}: A recovery code was used`);
    expect(m.text).toContain("A recovery code was just used to sign in to your account. You have 2 unused codes left.");
    expect(m.text).toContain("Generate a new set:");
    expect(m.text).toContain("If this wasn't you, reset your password immediately.");
    expectLink(m, link);
  });

  it("recovery_code_used with the last code says so in the singular", async () => {
    const link = "https://app.test/account/security/recovery-codes";
    const m = await sendOne("recovery_code_used", { appName: APP, email: TO, remaining: 1, codesLink: link });
    expect(m.text).toContain("You have 1 unused code left.");
    expectLink(m, link);
  });

  it("recovery_code_used with plenty left does not nag", async () => {
    const link = "https://app.test/account/security/recovery-codes";
    const m = await sendOne("recovery_code_used", { appName: APP, email: TO, remaining: 7, codesLink: link });
    expect(m.text).toContain("You have 7 unused codes left.");
    expect(m.text).not.toContain("Generate a new set");
    expect(m.text).not.toContain(link);
    expect(m.text).toContain("If this wasn't you, reset your password immediately.");
  });

  it("change_email_instructions carries the new address's link and its lifetime", async () => {
    const link = "https://app.test/change-email/tok-change?x=1&y=2";
    const m = await sendOne("change_email_instructions", { appName: APP, currentEmail: "old@example.com", newEmail: TO, link, within: "2 hours" });
    expect(m.subject).toBe(`${APP}: Confirm your new email address`);
    expect(m.text).toContain("old@example.com");
    expect(m.text).toContain("This link will expire in 2 hours.");
    expectLink(m, link);
  });

  it("change_email_requested gives the old address a cancel link and a reset link", async () => {
    const cancelLink = "https://app.test/change-email/cancel/tok-cancel";
    const resetLink = "https://app.test/reset-password/tok-reset";
    const m = await sendOne("change_email_requested", { appName: APP, email: TO, newEmail: "new@example.com", cancelLink, resetLink, within: "2 hours" });
    expect(m.subject).toBe(`${APP}: Someone asked to change your email address`);
    expect(m.text).toContain("new@example.com");
    expectLink(m, cancelLink);
    expectLink(m, resetLink);
    await sendEmail(
      "change_email_requested",
      TO,
      { appName: APP, email: TO, newEmail: "n@example.com", cancelLink, resetLink: null, within: "2 hours" },
      capture,
    );
    expect(sent[1]?.text).not.toContain("reset-password");
  });

  it("change_email_notice, change_username_notice, username_recovery and account_deleted say what happened", async () => {
    const notice = await sendOne("change_email_notice", { appName: APP, oldEmail: TO, newEmail: "new@example.com" });
    expect(notice.subject).toBe(`${APP}: Your email address was changed`);
    expect(notice.text).toContain("new@example.com");
    sent = [];
    const renamed = await sendOne("change_username_notice", { appName: APP, email: TO, username: "ada2", oldUsername: "ada1", resetLink: null });
    expect(renamed.subject).toBe(`${APP}: Your username was changed`);
    expect(renamed.text).toContain("Your username is now ada2. The old username ada1 no longer signs in.");
    sent = [];
    const recovered = await sendOne("username_recovery", { appName: APP, email: TO, username: "ada2", signInLink: "https://app.test/login" });
    expect(recovered.subject).toBe(`${APP}: Your username`);
    expect(recovered.text).toContain("Your username is: ada2");
    sent = [];
    const goodbye = await sendOne("account_deleted", { appName: APP, email: TO, by: "self" });
    expect(goodbye.subject).toBe(`${APP}: Your account was deleted`);
    expect(goodbye.text).not.toMatch(/https?:/);
  });

  it("new_device_sign_in names when, which device and IP, and links to the sessions page and to a reset only when recovery is on", async () => {
    const props = { appName: APP, email: TO, at: "Tue, 01 Dec 2026 22:00:00 GMT", device: "Firefox 133 on Windows 10", ip: "203.0.113.9" };
    const alert = await sendOne("new_device_sign_in", {
      ...props,
      sessionsLink: "https://app.test/account/sessions",
      resetLink: "https://app.test/forgot-password",
    });
    expect(alert.subject).toBe(`${APP}: New sign-in to your account`);
    for (const part of [
      "Tue, 01 Dec 2026 22:00:00 GMT",
      "Firefox 133 on Windows 10",
      "203.0.113.9",
      "https://app.test/account/sessions",
      "https://app.test/forgot-password",
    ])
      expect(alert.text).toContain(part);
    sent = [];
    const noReset = await sendOne("new_device_sign_in", { ...props, sessionsLink: "https://app.test/account/sessions", resetLink: null });
    expect(noReset.text).not.toContain("forgot-password");
  });

  it("every subject is '<App name>: …' in sentence case", () => {
    for (const [name, definition] of Object.entries(EMAILS)) {
      const changes = { two_factor_changed: ["enabled", "changed", "disabled"], passkey_changed: ["added", "removed"], oauth_changed: ["linked", "unlinked"] };
      for (const change of (changes as Record<string, string[]>)[name] ?? ["none"]) {
        const subject = (definition.subject as (p: object) => string)({ appName: APP, change, usage: "secondary" });
        expect(subject, name).toMatch(new RegExp(`^${APP}: [A-Z]`));
        // Sentence case: no capital after the first word (the app name aside).
        expect(subject.slice(APP.length + 3), `${name}: ${subject}`).not.toMatch(/ [A-Z]/);
      }
    }
  });

  it("a notice says when and from which device, and what to do if it wasn't you", async () => {
    const context = {
      at: "2026-12-02T13:25:00.000Z",
      device: "Firefox 133 on Linux",
      sessionsLink: "https://app.test/account/sessions",
      resetLink: "https://app.test/forgot-password",
    };
    const m = await sendOne("change_notice", {
      appName: APP,
      email: TO,
      resetLink: "https://app.test/forgot-password",
      context,
    } as EmailProps<"change_notice">);
    for (const part of ["When: Dec 2, 2026, 1:25 PM UTC", "Device: Firefox 133 on Linux", "If this wasn't you, check which devices are signed in"])
      expect(m.text).toContain(part);
    expectLink(m, context.sessionsLink);
    expectLink(m, context.resetLink);
  });

  it.each([
    ["Europe/Paris", "When: Dec 2, 2026, 2:25 PM (Europe/Paris)"],
    ["Nowhere/Else", "When: Dec 2, 2026, 1:25 PM UTC"],
  ])("a notice says when in the recipient's zone (%s), named; a zone nobody knows is UTC (decision 066)", async (timeZone, when) => {
    const context = { at: "2026-12-02T13:25:00.000Z", device: null, sessionsLink: "https://app.test/account/sessions", resetLink: null, timeZone };
    const m = await sendOne("change_notice", { appName: APP, email: TO, resetLink: null, context } as EmailProps<"change_notice">);
    expect(m.text).toContain(when);
  });

  it("a security key added as a second step is not said to sign in", async () => {
    const props = {
      appName: APP,
      email: TO,
      change: "added",
      name: "YubiKey",
      usage: "secondary",
      passkeysLink: "https://app.test/account/security/passkeys",
    } as const;
    const m = await sendOne("passkey_changed", props);
    expect(m.subject).toBe(`${APP}: A security key was added to your account`);
    expect(m.text).toContain("It can now be used as the second step when you sign in.");
    expect(m.text).not.toContain("It can now be used to sign in");
  });

  it("a verification code says what it is for and how long it lasts", async () => {
    const m = await sendOne("us_instructions", { appName: APP, email: TO, code: "654321", loginLink: null, within: "10 minutes" });
    expect(m.subject).toBe(`${APP}: Your verification code`);
    expect(m.text).toContain(`Here is your code to confirm it's you on ${APP}.`);
    expect(m.text).toContain("The code works once and expires in 10 minutes.");
  });
});
