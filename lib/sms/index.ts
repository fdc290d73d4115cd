import "server-only";
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

/**
 * Replaces the configured sender (tests, custom providers); `null` restores it.
 * @public part of the programmable API (README, "SMS").
 */
export function setSmsSender(sender: SmsSender | null): void {
  override = sender;
}

/**
 * The sender in use: the override, else Twilio when configured; null for the development
 * transport, which keeps texts on their outbox row for /dev/mailbox (lib/outbox/deliver.ts).
 * Flows never send directly: they queue (queueSms in lib/outbox).
 */
export function getSmsSender(): SmsSender | null {
  if (override) return override;
  const { transport, twilio } = getConfig().sms;
  if (transport === "twilio" && twilio.accountSid && twilio.authToken && twilio.from) {
    return twilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: twilio.from, baseUrl: twilio.baseUrl });
  }
  return null;
}
