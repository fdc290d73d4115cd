import "server-only";

export type { MailMessage } from "@/lib/security/core/plugins";
import type { MailMessage } from "@/lib/security/core/plugins";

export interface MailTransport {
  /** Recorded on each outbox row it delivers ("resend", or a replacement's own name). */
  name: string;
  send(message: MailMessage): Promise<void>;
}

/**
 * The message did not leave. Thrown (never returned) so a caller that forgets to check can't
 * tell a user "we sent you a link" when nothing was sent.
 */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  /** The provider's HTTP status, when it answered at all. */
  readonly statusCode: number | null;

  constructor(message: string, options: { statusCode?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.statusCode = options.statusCode ?? null;
  }
}
