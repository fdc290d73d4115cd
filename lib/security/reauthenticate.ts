import "server-only";
import { fail, messageFor, type Result } from "./errors";
import { recordEvent } from "./events";
import { verifyPassword } from "./password";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { markAuthenticated, type SessionRecord } from "./sessions";
import type { UserRecord } from "./users";

/** Freshness by password (`/verify`): the session counts as just signed in again. */
export async function reauthenticateWithPassword(
  user: UserRecord,
  session: SessionRecord,
  password: string,
  ctx: RequestContext,
): Promise<Result> {
  const [perUser, perIp] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id),
    consumeRateLimit(RATE_LIMITS.verifyPerIp, ctx.ip),
  ]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "password", during: "verify" } });
    return fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  await markAuthenticated(session.tokenHash, "verify");
  await recordEvent("reauthenticated", { userId: user.id, ctx, data: { method: "password" } });
  return { ok: true };
}
