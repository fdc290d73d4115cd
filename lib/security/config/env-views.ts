import { z } from "zod";
import type { Env } from "./env";
import { bool } from "./values";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * Where users are sent after each action, and the redirect and form toggles integrators of
 * Flask-Security look for (decision 047). Names and defaults are Flask-Security's; an unset view
 * keeps the page Gatehouse shows for it today.
 */

// A path of this site, exactly as a browser will resolve it: no "//host", no backslash, no
// control character or space, no encoded slash, and nothing the URL parser would rewrite
// ("/.//evil" resolves to "//evil"). A view is where every user is sent: a URL to another host
// in the environment would be an open redirect that no `next` check can catch.
function isSitePath(value: string): boolean {
  if (!/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/.test(value) || /%(2f|5c)/i.test(value)) return false;
  try {
    const url = new URL(value, "http://site.invalid");
    return url.host === "site.invalid" && `${url.pathname}${url.search}${url.hash}` === value;
  } catch {
    return false;
  }
}

const SITE_PATH_MESSAGE = "must be a path on this site (/…), not a URL, //host or a path with dot segments, backslashes or encoded slashes";

export const sitePath = z.string().max(2048).refine(isSitePath, SITE_PATH_MESSAGE);

const view = (fallback: string) => sitePath.optional().transform((v) => v ?? fallback);
const optionalView = sitePath.optional().transform((v) => v ?? null);

// A DNS name of the base domain: letters, digits and hyphens in dot-separated labels (an IDN in its
// xn-- form: a Unicode look-alike never matches a host the URL parser has already punycoded).
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const VIEW_VARIABLES = {
  SECURITY_POST_LOGIN_VIEW: view("/account"),
  SECURITY_POST_LOGOUT_VIEW: view("/"),
  // Unset: the "check your email" page (confirmation on) — Gatehouse's page for what Flask-Security flashes on "/".
  SECURITY_POST_REGISTER_VIEW: optionalView,
  // Unset: /login, as Flask-Security.
  SECURITY_POST_RESET_VIEW: optionalView,
  // Unset: /account (Flask-Security's "/", which is Gatehouse's home page for signed-out visitors).
  SECURITY_POST_CHANGE_VIEW: optionalView,
  // Unset: the account page when signed in in this browser, else /login.
  SECURITY_POST_CHANGE_EMAIL_VIEW: optionalView,
  // Unset: the Sign-in & security page (Flask-Security's /tf-setup).
  SECURITY_TWO_FACTOR_POST_SETUP_VIEW: view("/account/security"),
  // Unset: the 403 page. A signed-in user without the role or permission a page needs goes here.
  SECURITY_UNAUTHORIZED_VIEW: optionalView,
  // Unset: the sign-in page says the address needs confirming. Set: an unconfirmed sign-in goes there with ?email=.
  SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW: optionalView,

  // The remember box's default on the sign-in form (Flask-Security's DEFAULT_REMEMBER_ME).
  SECURITY_DEFAULT_REMEMBER_ME: bool(false),
  // The language of a visitor whose browser asks for none Gatehouse has (Flask-Security: BABEL_DEFAULT_LOCALE).
  SECURITY_DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
  // Register asks for the password twice; off hides the second field and skips the check.
  SECURITY_PASSWORD_CONFIRM_REQUIRED: bool(true),
  // Registration refuses an address whose domain cannot receive mail (MX, else A/AAAA; decision 048).
  SECURITY_EMAIL_CHECK_DELIVERABILITY: bool(false),
  // Opening a confirmation link / finishing a reset signs in, through the sign-in gate (decision 055).
  SECURITY_AUTO_LOGIN_AFTER_CONFIRM: bool(false),
  SECURITY_AUTO_LOGIN_AFTER_RESET: bool(false),
  SECURITY_LOGOUT_METHODS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const methods = [...new Set((v ?? "POST").split(",").map((m) => m.trim().toUpperCase()))].filter(Boolean);
      if (!methods.length || methods.some((m) => m !== "GET" && m !== "POST")) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a list of logout methods: POST, GET or GET,POST` });
        return z.NEVER;
      }
      return methods as ("GET" | "POST")[];
    }),

  // `next` may name another host: a subdomain of SECURITY_REDIRECT_BASE_DOMAIN (unset: APP_URL's host).
  SECURITY_REDIRECT_ALLOW_SUBDOMAINS: bool(false),
  SECURITY_REDIRECT_BASE_DOMAIN: z
    .string()
    .transform((v) => v.trim().toLowerCase().replace(/\.$/, ""))
    .refine((v) => DNS_NAME.test(v) && v.includes("."), "must be a domain name such as example.com (an IDN in its xn-- form)")
    .optional(),
  // Which subdomains (unset or empty: every one); "." is the base domain itself.
  SECURITY_REDIRECT_ALLOWED_SUBDOMAINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const names = (v ?? "")
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const bad = names.filter((s) => s !== "." && !LABEL.test(s));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `not subdomain names: ${bad.join(", ")} (use e.g. "app,admin,." where "." is the base domain)` });
        return z.NEVER;
      }
      return names;
    }),
};

type ViewEnv = Pick<Env, keyof typeof VIEW_VARIABLES | "APP_URL" | "NODE_ENV" | "SECURITY_POST_CONFIRM_VIEW">;

/**
 * SECURITY_POST_CONFIRM_VIEW is also the single-page app's (docs/api.md), which may be on another
 * host; the confirm page follows it only when it is a path of this site (env.ts refuses anything
 * else unless SECURITY_REDIRECT_BEHAVIOR=spa).
 */
function postConfirmOf(env: ViewEnv): string {
  const view = env.SECURITY_POST_CONFIRM_VIEW;
  return view !== undefined && isSitePath(view) ? view : "/login";
}

/** The env check: without SPA mode the confirm page follows SECURITY_POST_CONFIRM_VIEW, so it must be a path of this site. */
export function postConfirmViewIssue(view: string | undefined, spa: boolean): string | null {
  return view === undefined || spa || isSitePath(view) ? null : `${SITE_PATH_MESSAGE} (an absolute URL needs SECURITY_REDIRECT_BEHAVIOR=spa)`;
}

/** The views, the form toggles and the `next` rule for other hosts (config.views, config.forms, config.redirects). */
export function viewSettingsOf(env: ViewEnv) {
  return {
    views: {
      postLogin: env.SECURITY_POST_LOGIN_VIEW,
      postLogout: env.SECURITY_POST_LOGOUT_VIEW,
      postRegister: env.SECURITY_POST_REGISTER_VIEW,
      postConfirm: postConfirmOf(env),
      postChangeEmail: env.SECURITY_POST_CHANGE_EMAIL_VIEW,
      twoFactorPostSetup: env.SECURITY_TWO_FACTOR_POST_SETUP_VIEW,
      postReset: env.SECURITY_POST_RESET_VIEW ?? "/login",
      postChange: env.SECURITY_POST_CHANGE_VIEW ?? "/account",
      unauthorized: env.SECURITY_UNAUTHORIZED_VIEW,
      requiresConfirmationError: env.SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW,
    },
    defaultLocale: env.SECURITY_DEFAULT_LOCALE,
    forms: {
      defaultRememberMe: env.SECURITY_DEFAULT_REMEMBER_ME,
      passwordConfirmRequired: env.SECURITY_PASSWORD_CONFIRM_REQUIRED,
      emailCheckDeliverability: env.SECURITY_EMAIL_CHECK_DELIVERABILITY,
      logoutMethods: env.SECURITY_LOGOUT_METHODS,
    },
    /** Flask-Security's AUTO_LOGIN_AFTER_CONFIRM and AUTO_LOGIN_AFTER_RESET: still two-factor when it applies. */
    autoLogin: { afterConfirm: env.SECURITY_AUTO_LOGIN_AFTER_CONFIRM, afterReset: env.SECURITY_AUTO_LOGIN_AFTER_RESET },
    redirects: {
      /** Null: `next` is a path of this site only. */
      subdomains: env.SECURITY_REDIRECT_ALLOW_SUBDOMAINS
        ? {
            baseDomain: env.SECURITY_REDIRECT_BASE_DOMAIN ?? new URL(env.APP_URL).hostname,
            allowed: env.SECURITY_REDIRECT_ALLOWED_SUBDOMAINS,
            // A session cookie's holder can be sent to plain http only outside production.
            httpsOnly: env.NODE_ENV === "production",
          }
        : null,
    },
  } as const;
}
