import * as z from "zod";
import { IdentityAttributes, LoginResponse } from "./login";
import { code, CsrfOnly, text, User, type Contract } from "./shared";

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
