import "server-only";
import { getConfig } from "../config";
import { constantTimeEqual } from "../core/crypto";
import { getSession } from "./current";

/** Test automation's credential for a staging /dev/mailbox (SECURITY_DEV_MAILBOX_TOKEN). */
export const DEV_MAILBOX_TOKEN_HEADER = "x-dev-mailbox-token";

/**
 * Who may read /dev/mailbox, from the configuration and the request's headers:
 * - "not-found": it does not exist here (production without SECURITY_DEV_MAILBOX, or real mail);
 * - "allowed": development, or the right bearer token;
 * - "forbidden": a token was sent and it is wrong;
 * - "admin-only": a staging deployment; the caller requires the admin role.
 * The outbox holds every sign-in link and code sent, so in production it is never public.
 */
export function devMailboxAccess(headers: Headers): "not-found" | "allowed" | "forbidden" | "admin-only" {
  const { enabled, gated, token } = getConfig().devMailbox;
  if (!enabled) return "not-found";
  if (!gated) return "allowed";
  const sent = headers.get(DEV_MAILBOX_TOKEN_HEADER);
  if (sent === null) return "admin-only";
  return token && constantTimeEqual(sent, token) ? "allowed" : "forbidden";
}

/** For the JSON view: the HTTP status to answer with (200: go ahead). */
export async function devMailboxStatus(headers: Headers): Promise<200 | 401 | 403 | 404> {
  const access = devMailboxAccess(headers);
  if (access === "not-found") return 404;
  if (access === "forbidden") return 403;
  if (access === "allowed") return 200;
  const current = await getSession();
  if (!current) return 401;
  return current.authorization.roles.includes(getConfig().adminRole) ? 200 : 403;
}
