import "server-only";
import { Resend } from "resend";
import { MailDeliveryError } from "./transport";
import type { MailMessage, MailTransport } from "./transport";

// A hung provider must surface as a clear error within a request's lifetime, not as a spinner
// that never ends; Resend answers in well under a second when healthy.
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends through Resend's HTTP API. `baseUrl` points it elsewhere (a local capture server in
 * tests); without it the SDK reads RESEND_BASE_URL, then falls back to https://api.resend.com.
 */
export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send({ from, to, subject, html, text }: MailMessage): Promise<void> {
      const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
      // Messages leave out the recipient: these errors get logged, and addresses are personal data.
      let result: Awaited<ReturnType<typeof client.emails.send>>;
      try {
        result = await client.emails.send({ from, to, subject, html, text }, { signal });
      } catch (cause) {
        throw new MailDeliveryError(`Resend send failed: ${describe(cause)}`, { cause });
      }
      // The SDK never throws for HTTP or network failures: it folds them (aborts included)
      // into `{ error }`, so the timeout has to be recognised from the signal.
      if (signal.aborted) {
        throw new MailDeliveryError(`Resend did not answer within ${SEND_TIMEOUT_MS / 1000} s`, { cause: signal.reason });
      }
      if (result.error) {
        const { name, message, statusCode } = result.error;
        const what = statusCode ? `Resend refused the email (HTTP ${statusCode})` : "Resend could not be reached";
        throw new MailDeliveryError(`${what}: ${name}: ${message}`, { statusCode, cause: result.error });
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
