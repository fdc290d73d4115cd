/**
 * The route table: who may open which pages. proxy.ts applies it as fast redirects from the
 * cookie alone; the page, action or route handler re-checks with requireUser()/requireAnonymous(),
 * which also enforce roles and freshness against the database (defence in depth).
 */
export type Access = "anonymous" | "signed-in" | "open";

export interface RouteRule {
  /** Matches the path itself and everything below it. */
  prefix: string;
  access: Access;
  roles?: string[];
  permissions?: string[];
  /** Requires a recent authentication (FRESHNESS) — enforced by the page guard. */
  fresh?: boolean;
}

export const ROUTES: readonly RouteRule[] = [
  { prefix: "/login", access: "anonymous" },
  // A signed-in session that must now add a second factor (a role given mid-session) finishes here.
  { prefix: "/login/two-factor/required", access: "open" },
  { prefix: "/unlock", access: "open" },
  { prefix: "/register", access: "anonymous" },
  { prefix: "/forgot-password", access: "open" },
  { prefix: "/reset-password", access: "open" },
  { prefix: "/confirm", access: "open" },
  { prefix: "/verify", access: "signed-in" },
  { prefix: "/account", access: "signed-in" },
  { prefix: "/account/two-factor", access: "signed-in", fresh: true },
  { prefix: "/account/recovery-codes", access: "signed-in", fresh: true },
  { prefix: "/account/passkeys", access: "signed-in", fresh: true },
  { prefix: "/account/sign-in-methods", access: "signed-in", fresh: true },
  { prefix: "/admin", access: "signed-in", roles: ["admin"] },
];

export function ruleFor(pathname: string): RouteRule | null {
  let best: RouteRule | null = null;
  for (const rule of ROUTES) {
    const matches = pathname === rule.prefix || pathname.startsWith(`${rule.prefix}/`);
    if (matches && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
