import * as z from "zod";
import { IdentityAttributes, LoginResponse } from "./login";
import { code, CsrfOnly, text, User, WithUser, type Contract } from "./shared";

/** Unified sign-in (Flask-Security's us-*): one box for the password or a one-time code. */

const UsMethod = z.enum(["password", "email", "sms", "authenticator"]);

export const usSigninGet: Contract = {
  method: "GET",
  path: "/us-signin",
  summary: "How to sign in with unified sign-in: the methods a passcode may be, those that send a code",
  response: z.object({
    available_methods: z.array(UsMethod),
    code_methods: z.array(z.enum(["email", "sms"])),
    identity_attributes: IdentityAttributes,
    csrf_token: z.string(),
    user: z.optional(User),
  }),
  failures: [400],
};

export const usSigninPost: Contract = {
  method: "POST",
  path: "/us-signin",
  summary: "Sign in with an identity (email, username or phone) and a passcode (the password or a one-time code)",
  request: z
    .object({ identity: z.optional(text()), passcode: z.optional(code()), remember: z.optional(z.boolean()), next: z.optional(text(2048)) })
    .meta({ id: "UsSigninRequest" }),
  response: LoginResponse,
  codeFields: ["passcode"],
  failures: [400, 429],
  includeAuthToken: true,
};

export const usSigninSendCode: Contract = {
  method: "POST",
  path: "/us-signin/send-code",
  summary: "Email or text a sign-in code (with generic responses: the same answer whether or not the account exists)",
  request: z.object({ identity: z.optional(text()), chosen_method: z.optional(text(32)) }).meta({ id: "UsSigninSendCodeRequest" }),
  response: CsrfOnly,
  names: { chosen_method: "method" },
  failures: [400, 429, 500],
};

/** A code method of unified sign-in (the password is not set up, it is there or not). */
const UsCodeMethod = z.enum(["email", "sms", "authenticator"]);

export const usVerifyGet: Contract = {
  method: "GET",
  path: "/us-verify",
  summary: "Re-verify (freshness) with a passcode: the methods the user has, those that send a code, whether a passkey can do it",
  response: WithUser.extend({
    available_methods: z.array(UsMethod),
    code_methods: z.array(z.enum(["email", "sms"])).meta({ description: "The user's active methods that send a code." }),
    has_webauthn_verify_credential: z.boolean(),
    oauth_enabled: z.boolean(),
    oauth_providers: z.array(z.string()),
  }),
  failures: [400, 401],
};

export const usVerifyPost: Contract = {
  method: "POST",
  path: "/us-verify",
  summary: "Re-verify with a passcode (the password or a code of an active method): the session is fresh again",
  request: z.object({ passcode: z.optional(code()), next: z.optional(text(2048)) }).meta({ id: "UsVerifyRequest" }),
  response: WithUser,
  names: { passcode: "code" },
  codeFields: ["passcode"],
  failures: [400, 401, 429],
  includeAuthToken: true,
};

export const usVerifySendCode: Contract = {
  method: "POST",
  path: "/us-verify/send-code",
  summary: "Email or text a re-verification code to one of the user's active methods",
  request: z.object({ chosen_method: z.optional(text(32)) }).meta({ id: "UsVerifySendCodeRequest" }),
  response: CsrfOnly,
  names: { chosen_method: "method" },
  failures: [400, 401, 429, 500],
};

export const usSetupGet: Contract = {
  method: "GET",
  path: "/us-setup",
  summary: "Sign-in methods: those offered, those the user has, those that can be set up, and the sign-in phone (signed in and fresh)",
  response: WithUser.extend({
    identity_attributes: IdentityAttributes,
    available_methods: z.array(UsMethod),
    active_methods: z.array(UsMethod),
    setup_methods: z.array(UsCodeMethod),
    phone: z.string().nullable().meta({ description: "The SMS method's phone, masked." }),
  }),
  failures: [400, 401],
};

export const usSetupPost: Contract = {
  method: "POST",
  path: "/us-setup",
  summary: "Propose a sign-in method (a code is sent, or the authenticator key is returned) and/or remove methods (`delete_method`)",
  request: z
    .object({
      chosen_method: z.optional(text(32)),
      phone: z.optional(text(64)),
      delete_method: z.optional(z.union([text(32), z.array(text(32)).max(3)])),
    })
    .meta({ id: "UsSetupRequest" }),
  response: z.union([
    CsrfOnly.extend({
      chosen_method: UsCodeMethod,
      phone: z.string().nullable(),
      state: z.string().meta({ description: "POST the first code to /us-setup/{token} with this." }),
      authr_key: z.optional(z.string()),
      authr_uri: z.optional(z.string()),
      authr_issuer: z.optional(z.string()),
      authr_username: z.optional(z.string()),
    }),
    WithUser.extend({ active_methods: z.array(UsMethod) }).meta({ description: "`delete_method` alone: the methods left." }),
  ]),
  names: { chosen_method: "method", delete_method: "remove" },
  failures: [400, 401, 429, 500],
};

export const usSetupTokenPost: Contract = {
  method: "POST",
  path: "/us-setup/{token}",
  summary: "The proposed method's first code saves it",
  request: z.object({ passcode: z.optional(code()) }).meta({ id: "UsSetupValidateRequest" }),
  response: WithUser.extend({ chosen_method: UsCodeMethod, phone: z.string().nullable() }),
  names: { passcode: "code" },
  codeFields: ["passcode"],
  failures: [400, 401, 429],
};
