import type { ReactElement, ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { formatInstantIn } from "@/lib/security/core/time-zone";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { localizeDuration } from "@/lib/i18n/duration";

// Every template draws its look from here, so a product team restyles all mail in one place.
// Inline styles only: most mail clients strip <style> blocks and ignore external CSS.
export const emailTheme = {
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  monoFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  background: "#f6f7f9",
  card: "#ffffff",
  border: "#e5e7eb",
  text: "#111827",
  muted: "#6b7280",
  accent: "#111827",
  accentText: "#ffffff",
} as const;

export interface EmailLayoutProps {
  /** Inbox preview line; hidden in the body and skipped in the plain-text part. */
  preview: string;
  appName: string;
  /** The recipient's language (outbox.locale); absent: English, as a template rendered on its own. */
  locale?: Locale;
  children: ReactNode;
}

/**
 * What renderEmail adds to every template's props: the language it is written in, the recipient's
 * (stored on the outbox row when it was queued), never the language of the request that sent it.
 */
export interface EmailLocale {
  locale?: Locale;
}

/** The words the layout's pieces share (emails.layout in messages/<locale>.json). */
function layoutWords(locale: Locale | undefined) {
  return translatorFor(locale ?? "en", "emails.layout");
}

export function EmailLayout({ preview, appName, locale = "en", children }: EmailLayoutProps): ReactElement {
  const t = layoutWords(locale);
  return (
    <Html lang={locale} dir={textDirection(locale)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: emailTheme.background, fontFamily: emailTheme.fontFamily, margin: 0, padding: "24px 0" }}>
        <Container
          style={{
            backgroundColor: emailTheme.card,
            border: `1px solid ${emailTheme.border}`,
            borderRadius: "8px",
            maxWidth: "560px",
            padding: "32px",
          }}
        >
          <Section>
            <Heading as="h1" style={{ color: emailTheme.text, fontSize: "20px", fontWeight: 600, margin: "0 0 24px" }}>
              {appName}
            </Heading>
          </Section>
          <Section>{children}</Section>
          <Hr style={{ borderColor: emailTheme.border, margin: "32px 0 16px" }} />
          <Text style={{ color: emailTheme.muted, fontSize: "12px", lineHeight: "18px", margin: 0 }}>{t("footer", { appName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailText({ children }: { children: ReactNode }): ReactElement {
  return <Text style={{ color: emailTheme.text, fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" }}>{children}</Text>;
}

/** A call-to-action button. Pair it with `EmailLink` so the raw URL survives clients that block buttons. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }): ReactElement {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: emailTheme.accent,
          borderRadius: "6px",
          color: emailTheme.accentText,
          fontSize: "15px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
    </Section>
  );
}

/** The raw URL as text, for copy-paste; the plain-text part shows it once (text equals href). */
export function EmailLink({ href }: { href: string }): ReactElement {
  return (
    <Text style={{ color: emailTheme.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 16px", wordBreak: "break-all" }}>
      <Link href={href} style={{ color: emailTheme.muted, textDecoration: "underline" }}>
        {href}
      </Link>
    </Text>
  );
}

/**
 * A value the reader types or compares (a username, a code). A bare <code> rather than
 * CodeInline: that one renders its content twice (an Orange.fr workaround), which doubles it
 * in the plain-text part.
 */
export function EmailCode({ children }: { children: ReactNode }): ReactElement {
  return <code style={{ fontFamily: emailTheme.monoFamily, backgroundColor: emailTheme.background, borderRadius: "4px", padding: "2px 6px" }}>{children}</code>;
}

/**
 * The one action an email asks for: a button, the raw link for clients that hide buttons, and
 * (for expiring tokens) when it stops working — said up front so an old email isn't a mystery.
 */
export function EmailAction({ href, label, expiresIn, locale }: { href: string; label: string; expiresIn?: string } & EmailLocale): ReactElement {
  const t = layoutWords(locale);
  return (
    <>
      {/* The plain-text part skips the button and its caption: there the raw link is the action. */}
      <div data-skip-in-text="true">
        <EmailButton href={href}>{label}</EmailButton>
        <EmailText>{t("pasteLink")}</EmailText>
      </div>
      <EmailLink href={href} />
      {expiresIn ? <EmailText>{t("expires", { expiresIn: localizeDuration(expiresIn, locale ?? "en") })}</EmailText> : null}
    </>
  );
}

/** The way out a security notice offers when recovery is on: a reset ends every session. */
export function EmailResetOffer({ resetLink, locale }: { resetLink: string | null } & EmailLocale): ReactElement | null {
  if (!resetLink) return null;
  const t = layoutWords(locale);
  return (
    <>
      <EmailText>{t("resetOffer")}</EmailText>
      <EmailAction href={resetLink} label={t("resetPassword")} locale={locale} />
    </>
  );
}

/**
 * When and from where a change to the account was made, and the way back if it was not the
 * reader. The outbox fills it when it queues a notice (lib/outbox/queue.ts), from the request that
 * made the change: no caller has to remember it. Absent in a payload queued before it existed.
 */
export interface EmailChangeContext {
  /** ISO time the change was made. */
  at: string;
  /** The recipient's time zone when the account has one (users.time_zone); absent in older payloads: UTC. */
  timeZone?: string | null;
  /** "Chrome 131 on macOS" as the browser claims it; null outside a request (a script, the console's CLI). */
  device: string | null;
  sessionsLink: string;
  /** Null when password recovery is off. */
  resetLink: string | null;
}

/** "When: Dec 2, 2026, 1:25 PM UTC" (or in the reader's zone, named) and "Device: …" under the sentence that says what changed. */
export function EmailChangeDetails({ context, locale }: { context?: EmailChangeContext } & EmailLocale): ReactElement | null {
  if (!context) return null;
  const at = new Date(context.at);
  const t = layoutWords(locale);
  return (
    <>
      {Number.isNaN(at.getTime()) ? null : <EmailText>{t("when", { at: formatInstantIn(at, context.timeZone, locale) })}</EmailText>}
      {context.device ? <EmailText>{t("device", { device: context.device })}</EmailText> : null}
    </>
  );
}

/** What to do if the reader did not make the change: see the signed-in devices, then reset the password. */
export function EmailIfNotYou({ context, locale }: { context?: EmailChangeContext } & EmailLocale): ReactElement | null {
  if (!context) return null;
  const t = layoutWords(locale);
  return (
    <>
      <EmailText>{t("ifNotYou")}</EmailText>
      <EmailAction href={context.sessionsLink} label={t("reviewDevices")} locale={locale} />
      <EmailResetOffer resetLink={context.resetLink} locale={locale} />
    </>
  );
}
