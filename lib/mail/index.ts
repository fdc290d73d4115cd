import "server-only";
import { createElement } from "react";
import { render } from "@react-email/render";
import type { Options as RenderOptions } from "@react-email/render";
import { EMAILS } from "@/emails";
import type { EmailName, EmailProps } from "@/emails";
import type { Locale } from "@/lib/i18n/locales";
import { getConfig } from "@/lib/security/config";
import { utility } from "@/lib/security/core/plugins";
import { resendTransport } from "./resend";
import type { MailMessage, MailTransport } from "./transport";

/** @public what a custom transport throws when it could not send. */
export { MailDeliveryError } from "./transport";
export type { MailMessage, MailTransport } from "./transport";
export type { EmailName, EmailProps } from "@/emails";

// html-to-text shouts headings by default; the app name in the header should read as written.
const PLAIN_TEXT: RenderOptions = {
  plainText: true,
  htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] },
};

let override: MailTransport | null = null;

/** Replaces the configured transport (tests); `null` restores it. */
export function setMailTransport(transport: MailTransport | null): void {
  override = transport;
}

/**
 * The transport in use: the override, else the mail utility's `send` (lib/security/plugins.ts),
 * else the one the config names; null for the development
 * transport, which keeps each message on its outbox row for /dev/mailbox (lib/outbox/deliver.ts).
 * Built per call (it is cheap) so a test that changes env and calls resetConfig() gets the
 * matching transport.
 */
export function getMailTransport(): MailTransport | null {
  if (override) return override;
  const custom = utility("mail").send;
  if (custom) return { name: "mail-util", send: custom };
  const { transport, resendApiKey, resendBaseUrl } = getConfig().mail;
  if (transport === "outbox") return null;
  // Config validation already demands the key for "resend"; this guards a hand-built config.
  if (!resendApiKey) throw new Error("MAIL_TRANSPORT=resend needs RESEND_API_KEY");
  return resendTransport(resendApiKey, resendBaseUrl);
}

/**
 * Renders one of the `emails/` templates (HTML and plain text from the same component) in `locale`:
 * the recipient's, stored on the outbox row when it was queued (lib/outbox/queue.ts).
 */
export async function renderEmail<K extends EmailName>(name: K, props: EmailProps<K>, locale: Locale = "en"): Promise<Omit<MailMessage, "from" | "to">> {
  const definition = EMAILS[name];
  // Every template takes an optional `locale` (emails/layout.tsx EmailLocale) and writes itself in it.
  const localized: EmailProps<K> = { ...props, locale };
  const element = createElement(definition.component, localized);
  const [html, text] = await Promise.all([render(element), render(element, PLAIN_TEXT)]);
  return { subject: definition.subject(localized), html, text };
}

/**
 * Renders and sends a template now, through a provider. Flows never call this: they put mail in
 * the outbox (queueEmail in lib/outbox), whose worker calls it after the response. Throws
 * MailDeliveryError when the transport could not send.
 */
export async function sendEmail<K extends EmailName>(
  name: K,
  to: string,
  props: EmailProps<K>,
  transport: MailTransport,
  locale: Locale = "en",
): Promise<void> {
  const rendered = await renderEmail(name, props, locale);
  await transport.send({ from: getConfig().emails.sender, to, ...rendered });
}
