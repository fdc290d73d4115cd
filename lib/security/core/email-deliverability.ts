import "server-only";
import { Resolver } from "node:dns/promises";
import { getConfig } from "../config";
import { utility, type Deliverability } from "./plugins";

/**
 * Flask-Security's register-time deliverability check (SECURITY_EMAIL_VALIDATOR_ARGS with
 * check_deliverability), behind SECURITY_EMAIL_CHECK_DELIVERABILITY: a domain that cannot receive
 * mail is refused at registration. Sign-in never checks (a known account is not re-judged).
 * Only a definite "no such domain / no mail here" refuses: a slow or failing resolver lets the
 * sign-up through (decision 048), the confirmation email then being the real test.
 */

/** Long enough for a cold recursive look-up, short enough that a sign-up never waits on a broken resolver. */
const LOOKUP_TIMEOUT_MS = 3000;

// Answers that mean "this name has no such record", as opposed to a resolver that failed.
const NO_RECORD = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN"]);

type Answer = "found" | "none" | "failed";

async function lookUp(query: () => Promise<unknown[]>): Promise<Answer> {
  try {
    return (await query()).length > 0 ? "found" : "none";
  } catch (error) {
    return NO_RECORD.has(String((error as { code?: unknown }).code)) ? "none" : "failed";
  }
}

async function resolveDeliverability(domain: string): Promise<Deliverability> {
  const resolver = new Resolver({ timeout: LOOKUP_TIMEOUT_MS, tries: 1 });
  let mx: { exchange: string }[] = [];
  const mxAnswer = await lookUp(async () => (mx = await resolver.resolveMx(domain)));
  if (mxAnswer === "found") return mx.every((r) => r.exchange === "" || r.exchange === ".") ? "undeliverable" : "deliverable";
  if (mxAnswer === "failed") return "unknown";
  const [a, aaaa] = await Promise.all([lookUp(() => resolver.resolve4(domain)), lookUp(() => resolver.resolve6(domain))]);
  if (a === "found" || aaaa === "found") return "deliverable";
  return a === "failed" || aaaa === "failed" ? "unknown" : "undeliverable";
}

/** A hard deadline around the whole check (several look-ups, or a replacement that hangs): late is "unknown". */
function withDeadline(check: Promise<Deliverability>): Promise<Deliverability> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Deliverability>((resolve) => {
    timer = setTimeout(() => resolve("unknown"), LOOKUP_TIMEOUT_MS * 2);
  });
  return Promise.race([check.catch((): Deliverability => "unknown"), late]).finally(() => clearTimeout(timer));
}

/** True unless the check is on and the address's domain definitely cannot receive mail. */
export async function emailMayBeDeliverable(email: string): Promise<boolean> {
  if (!getConfig().forms.emailCheckDeliverability) return true;
  const domain = email
    .trim()
    .slice(email.trim().lastIndexOf("@") + 1)
    .toLowerCase();
  if (!domain) return false;
  const replaced = utility("emailDeliverability").check;
  const answer = await withDeadline(replaced ? replaced(domain, resolveDeliverability) : resolveDeliverability(domain));
  return answer !== "undeliverable";
}
