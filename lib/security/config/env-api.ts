import { z } from "zod";
import { bool, duration } from "./values";

/** An HTTP header name (RFC 9110 token): what the token and CSRF header settings may hold. */
const headerName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "must be an HTTP header name")
    .optional()
    .transform((v) => (v ?? fallback).toLowerCase());

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
};
