import * as z from "zod";
import { text, User, WithUser, type Contract } from "./shared";

/** Flask-Security's identity attributes: how `email` (and `username`, when enabled) are matched. */
export const IdentityAttributes = z.array(z.record(z.string(), z.object({ case_insensitive: z.boolean().optional(), mapper: z.string().optional() })));

const LoginRequest = z
  .object({
    email: z.optional(text()),
    username: z.optional(text()),
    password: text(),
    remember: z.optional(z.boolean()),
    next: z.optional(text(2048)),
  })
  .meta({ id: "LoginRequest", description: "`email` or `username`; with unified sign-in `password` may also be a one-time code." });

/** Two-factor methods as Flask-Security names them (Gatehouse's "passkey" is its "webauthn"). */
export const TfMethod = z.enum(["authenticator", "email", "sms", "webauthn"]);

export const LoginResponse = z
  .object({
    csrf_token: z.string(),
    user: z.optional(User),
    tf_required: z.boolean(),
    tf_state: z.optional(z.enum(["setup_from_login", "ready"])),
    tf_method: z.optional(TfMethod),
    tf_primary_method: z.optional(TfMethod),
    tf_signin_url: z.optional(z.string()),
    tf_select: z.optional(z.boolean()),
    tf_setup_methods: z.optional(z.array(TfMethod)),
  })
  .meta({ id: "LoginResponse", description: "Signed in (`user`, `tf_required: false`), or a second factor pending (`tf_required: true`)." });

export const loginGet: Contract = {
  method: "GET",
  path: "/login",
  summary: "How to sign in (identity attributes), and the user when already signed in",
  response: z.object({ identity_attributes: IdentityAttributes, csrf_token: z.string(), user: z.optional(User) }),
  failures: [],
};

export const loginPost: Contract = {
  method: "POST",
  path: "/login",
  summary: "Sign in with a password (or, with unified sign-in, a one-time code)",
  request: LoginRequest,
  response: LoginResponse,
  names: { email: "identity", username: "identity" },
  failures: [400, 429, 500],
  includeAuthToken: true,
};

export const oauthStartPost: Contract = {
  method: "POST",
  path: "/login/oauthstart/{name}",
  summary:
    "Start signing in with a configured provider (github, google, oidc; `?next=` a same-origin path): redirects to the provider, whose answer ends on `next` or the post-login view, a second factor, or the login page with a notice (with SECURITY_REDIRECT_BEHAVIOR=spa: SECURITY_POST_OAUTH_LOGIN_VIEW, or SECURITY_LOGIN_ERROR_VIEW with `error`)",
  request: z.object({}),
  response: z.object({}),
  redirect: true,
  failures: [400],
};

export const logoutPost: Contract = {
  method: "POST",
  path: "/logout",
  summary: "Sign out: ends the session and the auth token the call carries, and the refresh token's family",
  request: z.object({ refresh_token: z.optional(text(128)) }),
  response: z.object({}),
  names: { refresh_token: "refreshToken" },
  failures: [400],
};

export const meGet: Contract = {
  method: "GET",
  path: "/api/me",
  summary: "The signed-in user's public profile (session or auth token)",
  response: WithUser.extend({
    user: User.extend({ roles: z.array(z.string()) }),
    authenticated_by: z.enum(["session", "token", "basic"]),
  }),
  failures: [401, 403],
};

export const refreshTokenPost: Contract = {
  method: "POST",
  path: "/refresh-token",
  summary: "Exchange a refresh token (body, or its cookie in cookie mode) for a new auth token and the next refresh token",
  request: z.object({ refresh_token: z.optional(text(128)) }).meta({ id: "RefreshTokenRequest" }),
  response: WithUser,
  names: { refresh_token: "refreshToken" },
  failures: [400],
};
