import { getConfig } from "@/lib/security/config";

/**
 * /dev/mailbox exists only while mail goes to the outbox: always in development, and in
 * production only when MAIL_TRANSPORT=outbox was set on purpose (staging, e2e).
 */
export function devMailboxEnabled(): boolean {
  return getConfig().mail.transport === "outbox";
}
