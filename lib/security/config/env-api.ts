import { z } from "zod";
import { bool, duration } from "./values";

/** An HTTP header name (RFC 9110 token): what the token and CSRF header settings may hold. */
const headerName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "must be an HTTP header name")
    .optional()
    .transform((v) => (v ?? fallback).toLowerCase());

/** A view of the single-page app: a path on APP_URL, or an absolute URL (the SPA may be elsewhere). */
const view = z
  .string()
  .max(2048)
  .refine((v) => v.startsWith("/") || /^https?:\/\/[^\s]+$/.test(v), "must be a path (/…) or an http(s) URL")
  .optional();

/**
 * The JSON API's variables (docs/api.md): auth tokens, HTTP Basic and CSRF for cookie-authenticated
 * calls. Names and defaults are Flask-Security's unless the comment says otherwise.
 */
export const API_VARIABLES = {
  // Flask-Security 5.9's default: a token is short-lived (older releases never expired one).
  SECURITY_TOKEN_MAX_AGE: duration("15m"),
  SECURITY_TOKEN_AUTHENTICATION_HEADER: headerName("Authentication-Token"),
  SECURITY_TOKEN_AUTHENTICATION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .transform((v) => v ?? "auth_token"),
  // Gatehouse: a token in a URL ends up in logs and Referer headers, so the query string is off unless asked for.
  SECURITY_TOKEN_ALLOW_QUERY_STRING: bool(false),
  // Tokens bound to users.token_uniquifier instead of users.uniquifier: they survive a password change.
  SECURITY_TOKEN_UNIQUIFIER: bool(false),
  SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN: bool(true),
  // Gatehouse's default is on (Flask-Security's is off): a refresh token only comes with a requested auth token.
  SECURITY_REFRESH_TOKEN: bool(true),
  SECURITY_REFRESH_TOKEN_MAX_AGE: duration("90d"),
  SECURITY_REFRESH_TOKEN_MAX_IDLE: duration("7d"),
  // Gatehouse's switch: the refresh token in an HttpOnly SameSite=Strict cookie instead of the JSON body.
  SECURITY_REFRESH_TOKEN_COOKIE: bool(false),
  SECURITY_REFRESH_TOKEN_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .transform((v) => v ?? "fs_refresh"),
  // Gatehouse's switch (Flask-Security has the per-view decorator): HTTP Basic on the routes whose rule accepts it.
  SECURITY_HTTP_BASIC_AUTH: bool(false),
  SECURITY_HTTP_AUTH_REALM: z
    .string()
    .regex(/^[\x20-\x7e]{1,64}$/)
    .refine((v) => !v.includes('"') && !v.includes("\\"), "must not contain quotes or backslashes")
    .optional()
    .transform((v) => v ?? "Login Required"),
  // Accepted beside X-CSRF-Token and X-CSRFToken.
  SECURITY_CSRF_HEADER: headerName("X-XSRF-Token"),
  // Gatehouse's default is true (Flask-Security's False): an anonymous JSON call carries no cookie to ride on.
  SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS: bool(true),
  // Flask-Security's CSRF_COOKIE_NAME (unset: no cookie): a cookie scripts can read that holds the
  // current csrf_token, for front-end libraries that echo a cookie into a header (XSRF-TOKEN →
  // X-XSRF-Token). Set by every answer that carries a csrf_token, cleared at sign-out.
  SECURITY_CSRF_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "must be a cookie name")
    .optional(),
  // "spa": emailed links (confirm, reset) go to the API, which redirects to the views below.
  SECURITY_REDIRECT_BEHAVIOR: z.enum(["spa"]).optional(),
  // Host (and port) that replaces APP_URL's in those redirects, e.g. app.example.com or localhost:5173.
  SECURITY_REDIRECT_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "must be a host, optionally with :port")
    .optional(),
  SECURITY_POST_CONFIRM_VIEW: view,
  // Gatehouse's: a page of the app that shows "Confirm my email" and POSTs /api/security/confirm/{token}.
  SECURITY_CONFIRM_VIEW: view,
  SECURITY_CONFIRM_ERROR_VIEW: view,
  SECURITY_RESET_VIEW: view,
  SECURITY_RESET_ERROR_VIEW: view,
  SECURITY_LOGIN_ERROR_VIEW: view,
  // Where a sign-in with a provider started by the API (login/oauthstart) ends (unset: SECURITY_POST_LOGIN_VIEW).
  SECURITY_POST_OAUTH_LOGIN_VIEW: view,
};
