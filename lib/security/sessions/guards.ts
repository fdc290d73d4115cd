import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getConfig } from "../config";
import { PATH_HEADER } from "../core/path-header";
import { loginUrlFor, safeRedirectPath, viewWith } from "../core/redirects";
import { lacksAuthorization, needsFreshness, ruleFor, type RouteRule } from "../core/routes";
import { getSession, type CurrentSession } from "./current";
import { freshness, openGrace } from "./store";

/** Where a session that must add a second factor goes (see CurrentSession.stepUpRequired). */
export const STEP_UP_URL = "/login/two-factor/required";

/** A path with no rule of its own still needs a signed-in user when its page asks for one. */
const SIGNED_IN: RouteRule = { prefix: "/", access: "signed-in" };

/**
 * What one page or action may ask on top of its route-table rule: Flask-Security's four decorators
 * (`roles_required`, `roles_accepted`, `permissions_required`, `permissions_accepted`), the admin
 * role and freshness. Each set is checked on its own, so an any-of list here and one in the table
 * must both be met.
 */
export type ExtraRequirements = Pick<RouteRule, "roles" | "rolesAccepted" | "permissions" | "permissionsAccepted" | "admin" | "fresh">;

/**
 * The guard every signed-in page, action and route handler calls (proxy.ts is never the only
 * gate). It reads the route table's rule for the path being served (lib/security/core/routes.ts):
 * anonymous → /login?next=…, missing role/permission (all-of or any-of) → 403, stale → /verify?next=….
 * `extra` adds requirements of the action itself (the console's writes need users:write).
 */
export async function requireUser(extra?: ExtraRequirements): Promise<CurrentSession> {
  const { rule, here } = await servedRule();
  const current = await requireUserUnder(rule, here);
  return extra ? requireUserUnder({ prefix: rule.prefix, access: "signed-in", ...extra }, here) : current;
}

/**
 * requireUser for a write that needs a recent sign-in though its page does not (revoking an API
 * credential from the sessions page): the page's rule plus `fresh`, so it also opens the grace window.
 */
export async function requireFreshUser(): Promise<CurrentSession> {
  return requireUser({ fresh: true });
}

async function servedRule(): Promise<{ rule: RouteRule; here: string | null }> {
  const served = (await headers()).get(PATH_HEADER);
  // The rule comes from the path as proxy.ts saw it, never from its `next` form: a path too long or
  // odd to be a `next` (safeRedirectPath says null) must not fall back to a weaker rule.
  const rule = ruleFor(served ? served.replace(/[?#].*$/, "") : "/");
  return { rule: rule?.access === "signed-in" ? rule : SIGNED_IN, here: safeRedirectPath(served) };
}

/**
 * The same guard with an explicit rule: for a page whose requirement depends on configuration
 * (the staging dev mailbox), and for tests. Pages use requireUser().
 */
export async function requireUserUnder(rule: RouteRule, here?: string | null): Promise<CurrentSession> {
  const path = here === undefined ? await currentPath() : here;
  const current = await getSession();
  if (!current) redirect(loginUrlFor(path));
  if (current.stepUpRequired) redirect(path ? `${STEP_UP_URL}?next=${encodeURIComponent(path)}` : STEP_UP_URL);
  const { authorization } = current;
  if (lacksAuthorization(rule, authorization, getConfig().adminRole)) {
    // SECURITY_UNAUTHORIZED_VIEW: Flask-Security's redirect with its message; unset, the 403 page.
    const view = getConfig().views.unauthorized;
    if (view) redirect(viewWith(view, { notice: "UNAUTHORIZED" }));
    forbidden();
  }
  const needsFresh = needsFreshness(rule, { hasPassword: Boolean(current.user.passwordHash), impersonated: Boolean(current.session.impersonatorId) });
  if (needsFresh) {
    const state = freshness(current.session);
    if (state === "stale") redirect(path ? `/verify?next=${encodeURIComponent(path)}` : "/verify");
    if (state === "fresh") await openGrace(current.session);
  }
  return current;
}

/**
 * The admin console's writes: the admin role, the console permission the write needs
 * (core/console-permissions.ts) and a recent authentication, whatever the page's own rule says
 * (the console's pages are readable without re-verifying; changing anything is not).
 */
export async function requireFreshAdmin(permission: string): Promise<CurrentSession> {
  return requireUserUnder({ prefix: "/admin", access: "signed-in", admin: true, permissions: [permission], fresh: true });
}

/** Anonymous-only pages: a signed-in visitor goes to the post-login view (ignoring `next`, as Flask-Security does, to avoid loops). */
export async function requireAnonymous(): Promise<void> {
  if (await getSession()) redirect(getConfig().views.postLogin);
}

async function currentPath(): Promise<string | null> {
  return safeRedirectPath((await headers()).get(PATH_HEADER));
}
