import "server-only";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "@/lib/security/config";

/** Sends a text message. Implement this to use another provider than Twilio. */
export interface SmsSender {
  name: string;
  send(to: string, text: string): Promise<void>;
}

export class SmsDeliveryError extends Error {
  override name = "SmsDeliveryError";
}

/** A hung provider must become a clear error, not a hung sign-in. */
const SMS_TIMEOUT_MS = 10_000;

/** Development transport: texts land in the outbox and show at /dev/mailbox. */
export const outboxSmsSender: SmsSender = {
  name: "outbox",
  async send(to, text) {
    const db = await getDb();
    await db.insert(tables.outbox).values({ kind: "sms", to, subject: null, html: null, text });
  },
};

/** Twilio's REST API (Messages resource), over fetch. */
export function twilioSmsSender(options: { accountSid: string; authToken: string; from: string; baseUrl: string }): SmsSender {
  return {
    name: "twilio",
    async send(to, text) {
      const url = `${options.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ To: to, From: options.from, Body: text }),
          signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        throw new SmsDeliveryError(timedOut ? `Twilio did not answer within ${SMS_TIMEOUT_MS / 1000} s` : "Twilio could not be reached");
      }
      if (!response.ok) {
        const detail = await response.text().catch(() => "");
        throw new SmsDeliveryError(`Twilio refused the message (HTTP ${response.status}) ${detail.slice(0, 200)}`);
      }
    },
  };
}

let override: SmsSender | null = null;

/** Replaces the configured sender (tests, custom providers); `null` restores it. */
export function setSmsSender(sender: SmsSender | null): void {
  override = sender;
}

export function getSmsSender(): SmsSender {
  if (override) return override;
  const { transport, twilio } = getConfig().sms;
  if (transport === "twilio" && twilio.accountSid && twilio.authToken && twilio.from) {
    return twilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: twilio.from, baseUrl: twilio.baseUrl });
  }
  return outboxSmsSender;
}

export function sendSms(to: string, text: string): Promise<void> {
  return getSmsSender().send(to, text);
}
