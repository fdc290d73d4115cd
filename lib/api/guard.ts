import "server-only";
import type { Failure } from "@/lib/security/core/errors";
import { fail } from "@/lib/security/core/errors";
import type { RequestContext } from "@/lib/security/core/request-context";
import { lacksAuthorization, needsFreshness, type Mechanism, type RouteRule } from "@/lib/security/core/routes";
import { getConfig } from "@/lib/security/config";
import type { Authorization, UserRecord } from "@/lib/security/accounts/users";
import { findActiveAuthToken, isTokenFresh, type AuthTokenRecord } from "@/lib/security/sessions/auth-tokens";
import { getSession } from "@/lib/security/sessions/current";
import { freshness, openGrace, type SessionRecord } from "@/lib/security/sessions/store";
import { userFromBasicAuth } from "@/lib/security/sign-in/basic-auth";

/**
 * Who is calling a JSON API route, by the mechanisms its rule in the route table accepts
 * (lib/security/core/routes.ts), tried in Flask-Security's order: token, session, Basic. A route
 * that does not list "token" never reads the token header, so a token cannot open a session-only route.
 */
export type Principal = { user: UserRecord; authorization: Authorization } & (
  | { via: "session"; session: SessionRecord; sessionToken: string; stepUpRequired: boolean }
  | { via: "token"; token: AuthTokenRecord; tokenValue: string }
  | { via: "basic" }
);

/** The token a request presents: its header, or the query string when SECURITY_TOKEN_ALLOW_QUERY_STRING allows. */
export function presentedAuthToken(request: Request): string | null {
  const { header, queryKey } = getConfig().api.token;
  const fromHeader = request.headers.get(header);
  if (fromHeader) return fromHeader.trim();
  return queryKey ? new URL(request.url).searchParams.get(queryKey) : null;
}

export async function authenticate(request: Request, mechanisms: readonly Mechanism[], ctx: RequestContext): Promise<Principal | null> {
  if (mechanisms.includes("token")) {
    const value = presentedAuthToken(request);
    const found = value ? await findActiveAuthToken(value) : null;
    if (found && value) return { via: "token", user: found.user, authorization: found.authorization, token: found.token, tokenValue: value };
  }
  if (mechanisms.includes("session")) {
    const current = await getSession();
    if (current) return { via: "session", ...current, sessionToken: current.token };
  }
  if (mechanisms.includes("basic")) {
    const basic = await userFromBasicAuth(request.headers.get("authorization"), ctx);
    if (basic) return { via: "basic", ...basic };
  }
  return null;
}

/** A 401's challenge: only where the route accepts Basic and it is switched on. */
export function challengeFor(mechanisms: readonly Mechanism[]): Record<string, string> {
  const { basic } = getConfig().api;
  return basic.enabled && mechanisms.includes("basic") ? { "WWW-Authenticate": `Basic realm="${basic.realm}"` } : {};
}

/**
 * The route rule's requirements for a principal, as requireUser() applies them to pages: signed
 * in, every role and permission of `roles`/`permissions`, one of `rolesAccepted`/
 * `permissionsAccepted`, and freshness. A failure, not a redirect: the route answers it in the envelope.
 */
export async function checkRule(principal: Principal | null, rule: RouteRule): Promise<Failure | null> {
  if (rule.access === "anonymous" && principal) return fail("ANONYMOUS_USER_REQUIRED");
  if (rule.access !== "signed-in") return null;
  if (!principal) return fail("UNAUTHENTICATED");
  if (principal.via === "session" && principal.stepUpRequired) return fail("TWO_FACTOR_STEP_UP_REQUIRED");
  if (lacksAuthorization(rule, principal.authorization, getConfig().adminRole)) return fail("UNAUTHORIZED");
  const impersonated = principal.via === "session" && Boolean(principal.session.impersonatorId);
  const needsFresh = needsFreshness(rule, { hasPassword: Boolean(principal.user.passwordHash), impersonated });
  if (needsFresh && !(await isFreshEnough(principal))) return fail("REAUTHENTICATION_REQUIRED");
  return null;
}

async function isFreshEnough(principal: Principal): Promise<boolean> {
  if (principal.via === "basic") return true;
  if (principal.via === "token") return isTokenFresh(principal.token);
  const state = freshness(principal.session);
  if (state === "fresh") await openGrace(principal.session);
  return state !== "stale";
}
