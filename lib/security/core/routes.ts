/**
 * The route table: the single source of who may open which pages. proxy.ts applies `access`
 * as fast redirects from the cookie alone; the page, its server actions and route handlers
 * call requireUser()/requireAnonymous() (lib/security/sessions/guards.ts), which read the same
 * rule for the path being served and also enforce roles, permissions and freshness against
 * the database (defence in depth). tests/unit/routes.every-page-in-the-table.test.ts walks
 * app/ and fails when a page is missing here or guards itself differently.
 */
import { ROLES_WRITE, USERS_READ, USERS_WRITE } from "./console-permissions";

export type Access = "anonymous" | "signed-in" | "open";

/**
 * How a JSON API caller may prove who it is (Flask-Security's auth_required mechanisms): the
 * session cookie, an `Authentication-Token` header, or HTTP Basic (SECURITY_HTTP_BASIC_AUTH).
 * Pages only ever read the session.
 */
export type Mechanism = "session" | "token" | "basic";

export interface RouteRule {
  /** Matches the path itself and everything below it. */
  prefix: string;
  access: Access;
  /** All of these roles (Flask-Security's roles_required). */
  roles?: string[];
  /** The configured admin role (SECURITY_ADMIN_ROLE), which the table cannot name statically. */
  admin?: true;
  /** All of these permissions (Flask-Security's permissions_required). */
  permissions?: string[];
  /**
   * Requires a recent authentication (SECURITY_FRESHNESS). "without-password": only when the
   * account has no password to ask for (the change-password form asks for the current one), or
   * the session is a view-as session (decision 058: a password is the user's to change).
   */
  fresh?: true | "without-password";
  /** Any one of these roles (Flask-Security's roles_accepted), beside the all-of `roles`. */
  rolesAccepted?: string[];
  /** Any one of these permissions (permissions_accepted). */
  permissionsAccepted?: string[];
  /**
   * A JSON API route (lib/api/guard.ts reads this): who may call it by which mechanism. The proxy
   * never redirects such a path: its handler answers 401 in the envelope instead. A route without
   * "token" never accepts a token, whatever the caller sends.
   */
  mechanisms?: readonly Mechanism[];
}

/** The JSON API's usual callers: a browser with the session cookie, or a client with a token. */
const SESSION_OR_TOKEN: readonly Mechanism[] = ["session", "token"];

export const ROUTES: readonly RouteRule[] = [
  { prefix: "/", access: "open" },
  { prefix: "/login", access: "anonymous" },
  // The pending sign-in's own pages: they read the pending cookie, not a session.
  { prefix: "/login/two-factor", access: "open" },
  // A signed-in session that must now add a second factor (a role given mid-session) finishes here.
  { prefix: "/login/two-factor/required", access: "open" },
  // The round trip to a sign-in provider serves signing in, linking and re-verifying: its handlers check which.
  { prefix: "/login/oauth", access: "open" },
  { prefix: "/logout", access: "open" },
  { prefix: "/unlock", access: "open" },
  { prefix: "/register", access: "anonymous" },
  { prefix: "/register/check-email", access: "open" },
  { prefix: "/forgot-password", access: "open" },
  { prefix: "/reset-password", access: "open" },
  { prefix: "/confirm", access: "open" },
  // The email-change links: they work in any browser, signed in or not (the token is the proof).
  { prefix: "/change-email", access: "open" },
  { prefix: "/recover-username", access: "anonymous" },
  { prefix: "/verify", access: "signed-in" },
  { prefix: "/account", access: "signed-in" },
  { prefix: "/account/password", access: "signed-in", fresh: "without-password" },
  // Sign-in & security (decision 064): the overview and its set-up pages (two-step, passkeys, sign-in
  // codes, recovery codes), fresh as the four pages it replaced each were.
  { prefix: "/account/security", access: "signed-in", fresh: true },
  // The replaced pages' URLs redirect permanently (next.config.mjs, before the proxy runs); their rules
  // stay as strong, so a path under them can never serve or leak less than the page it points to.
  { prefix: "/account/two-factor", access: "signed-in", fresh: true },
  { prefix: "/account/recovery-codes", access: "signed-in", fresh: true },
  { prefix: "/account/passkeys", access: "signed-in", fresh: true },
  { prefix: "/account/sign-in-methods", access: "signed-in", fresh: true },
  { prefix: "/account/email", access: "signed-in", fresh: true },
  { prefix: "/account/username", access: "signed-in", fresh: true },
  { prefix: "/account/delete", access: "signed-in", fresh: true },
  { prefix: "/account/connections", access: "signed-in", fresh: true },
  { prefix: "/admin", access: "signed-in", admin: true },
  // The console's own permissions (lib/security/core/console-permissions.ts); every write there is fresh too.
  { prefix: "/admin/roles", access: "signed-in", admin: true, permissions: [ROLES_WRITE] },
  { prefix: "/admin/rescue", access: "signed-in", admin: true, permissions: [USERS_WRITE] },
  // The user list, a user's page and the CSV export: a permission, so a support role without the
  // admin role can be given them; their actions also need users:write (checked in each action).
  { prefix: "/admin/users", access: "signed-in", permissions: [USERS_READ] },
  // Undelivered mail and texts: support reads it when someone says the email never came.
  { prefix: "/admin/deliveries", access: "signed-in", permissions: [USERS_READ] },
  // Who may read it depends on SECURITY_DEV_MAILBOX (lib/security/sessions/dev-mailbox-access.ts).
  { prefix: "/dev/mailbox", access: "open" },
  // The JSON API (docs/api.md). Open endpoints still read a session or token: logout ends it,
  // login refuses a caller already signed in, and a session-authenticated call needs its CSRF token.
  { prefix: "/api/security", access: "open", mechanisms: SESSION_OR_TOKEN },
  // The account lifecycle's endpoints, fresh like their pages (Flask-Security: A+F).
  { prefix: "/api/security/change-email", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/change-username", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  // These change the session itself (its freshness, its re-issued cookie): a session's only.
  { prefix: "/api/security/verify", access: "signed-in", mechanisms: ["session"] },
  { prefix: "/api/security/change", access: "signed-in", fresh: "without-password", mechanisms: ["session"] },
  { prefix: "/api/security/register", access: "anonymous", mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/me", access: "signed-in", mechanisms: ["session", "token", "basic"] },
  // The refresh token is the credential (decision 034): the session is never read, so a client that
  // also holds a session cookie needs no CSRF token here; cookie mode's cookie is SameSite=Strict.
  { prefix: "/api/security/refresh-token", access: "open", mechanisms: ["token"] },
  // Two-factor and recovery codes (docs/api.md). The pending sign-in's steps are for callers not
  // signed in, as in Flask-Security; tf-setup serves both it and a signed-in, fresh caller (its handler checks).
  // tf-validate is open: a signed-in caller that POSTs is signed out (Flask-Security), its handler checks.
  { prefix: "/api/security/tf-validate", access: "open", mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/tf-rescue", access: "anonymous", mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/tf-select", access: "anonymous", mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/mf-recovery", access: "anonymous", mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/mf-recovery-codes", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  // Sign-in methods and passkeys (decision 032): set-up and removal are fresh like their pages;
  // re-verification changes the session's freshness, so, as /verify, it is the session's only.
  { prefix: "/api/security/us-verify", access: "signed-in", mechanisms: ["session"] },
  { prefix: "/api/security/us-setup", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/wan-register", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/wan-delete", access: "signed-in", fresh: true, mechanisms: SESSION_OR_TOKEN },
  { prefix: "/api/security/wan-verify", access: "signed-in", mechanisms: ["session"] },
];

/** Who holds which roles and permissions: what a rule is checked against. */
export interface Holder {
  roles: readonly string[];
  permissions: readonly string[];
}

/**
 * Whether a signed-in holder fails the rule's roles and permissions: every one of `roles` (and the
 * admin role when `admin`) and `permissions`, and one of `rolesAccepted` and of `permissionsAccepted`
 * when given (Flask-Security's four decorators). Pages (requireUser) and the JSON API (checkRule)
 * both ask this, so the two cannot drift apart.
 */
export function lacksAuthorization(rule: RouteRule, holder: Holder, adminRole: string): boolean {
  const allRoles = [...(rule.roles ?? []), ...(rule.admin ? [adminRole] : [])];
  if (allRoles.some((r) => !holder.roles.includes(r))) return true;
  if ((rule.permissions ?? []).some((p) => !holder.permissions.includes(p))) return true;
  if (rule.rolesAccepted?.length && !rule.rolesAccepted.some((r) => holder.roles.includes(r))) return true;
  return Boolean(rule.permissionsAccepted?.length && !rule.permissionsAccepted.some((p) => holder.permissions.includes(p)));
}

/**
 * Whether the rule asks this caller for a recent authentication. A view-as session (an
 * administrator's, decision 042) is never fresh, so for it "without-password" is always: knowing
 * the user's password must not let an administrator change it as them.
 */
export function needsFreshness(rule: RouteRule, caller: { hasPassword: boolean; impersonated: boolean }): boolean {
  return rule.fresh === true || (rule.fresh === "without-password" && (!caller.hasPassword || caller.impersonated));
}

export function ruleFor(pathname: string): RouteRule | null {
  let best: RouteRule | null = null;
  for (const rule of ROUTES) {
    const matches = pathname === rule.prefix || pathname.startsWith(rule.prefix === "/" ? "/" : `${rule.prefix}/`);
    if (matches && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
