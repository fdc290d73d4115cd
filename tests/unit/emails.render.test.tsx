// Guarantee: every security email renders its action link in both the HTML and plain-text parts,
// with the right subject and no leaked `undefined` — a broken link strands a user outside their account.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendEmail, setMailTransport } from "@/lib/mail";
import type { EmailName, EmailProps, MailMessage } from "@/lib/mail";

const APP = "Gatehouse";
const TO = "ada@example.com";

let sent: MailMessage[] = [];

beforeEach(() => {
  sent = [];
  setMailTransport({
    name: "outbox",
    send: async (message: MailMessage): Promise<void> => {
      sent.push(message);
    },
  });
});

afterEach(() => {
  setMailTransport(null);
});

async function sendOne<K extends EmailName>(name: K, props: EmailProps<K>): Promise<MailMessage> {
  await sendEmail(name, TO, props);
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
    expect(m.subject).toBe("Welcome");
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

  it("welcome_existing offers reset and confirm links", async () => {
    const reset = "https://app.test/reset/tok-r";
    const confirm = "https://app.test/confirm/tok-c";
    const m = await sendOne("welcome_existing", {
      appName: APP,
      email: TO,
      resetLink: reset,
      confirmationLink: confirm,
      username: "ada",
    });
    expect(m.subject).toBe("Welcome");
    expect(m.text).toContain("Someone (you?) tried to register this email address. It already has an account.");
    expect(m.text).toContain("If this wasn't you, you can ignore this email.");
    expect(m.text).toContain("ada");
    expectLink(m, reset);
    expectLink(m, confirm);
  });

  it("welcome_existing_username names the taken username", async () => {
    const m = await sendOne("welcome_existing_username", { appName: APP, email: TO, username: "grace" });
    expect(m.subject).toBe("Welcome");
    expect(m.text).toContain(
      'You attempted to register with a username "grace" that is already associated with another account.',
    );
  });

  it("confirmation_instructions carries the link and its lifetime", async () => {
    const link = "https://app.test/confirm/tok-ci";
    const m = await sendOne("confirmation_instructions", { appName: APP, email: TO, confirmationLink: link, within: "2 days" });
    expect(m.subject).toBe("Please confirm your email");
    expect(m.text).toContain("This link will expire in 2 days.");
    expectLink(m, link);
  });

  it("reset_instructions carries the link and reassures a non-requester", async () => {
    const link = "https://app.test/reset/tok-ri";
    const m = await sendOne("reset_instructions", { appName: APP, email: TO, resetLink: link, within: "1 day" });
    expect(m.subject).toBe("Password reset instructions");
    expect(m.text).toContain("This link will expire in 1 day.");
    expect(m.text).toContain("If you did not ask, ignore this email; your password stays the same.");
    expectLink(m, link);
  });

  it("reset_notice links to sign-in", async () => {
    const link = "https://app.test/login";
    const m = await sendOne("reset_notice", { appName: APP, email: TO, signInLink: link });
    expect(m.subject).toBe("Your password has been reset");
    expect(m.text).toContain("Your password has been reset.");
    expectLink(m, link);
  });

  it("change_notice offers a reset link when recovery is on", async () => {
    const link = "https://app.test/reset";
    const m = await sendOne("change_notice", { appName: APP, email: TO, resetLink: link });
    expect(m.subject).toBe("Your password has been changed");
    expect(m.text).toContain("Your password has been changed.");
    expect(m.text).toContain("If you did not change your password, click the link below to reset it.");
    expectLink(m, link);
  });

  it("change_notice without recovery just informs", async () => {
    const m = await sendOne("change_notice", { appName: APP, email: TO, resetLink: null });
    expect(m.text).toContain("Your password has been changed.");
    expect(m.text).not.toContain("click the link below");
  });
});
