import * as z from "zod";
import { TfMethod } from "./login";
import { code, CsrfOnly, text, User, WithUser, type Contract } from "./shared";

/**
 * Flask-Security's two-factor endpoints: set-up (during a sign-in that requires it, or signed in
 * and fresh), the pending sign-in's code, its rescue and its choice of method. The pending sign-in
 * is the pending-login cookie the login answer set, as for the pages.
 */

const CodeRequest = z.object({ code: code() }).meta({ id: "TfCodeRequest" });

/** What each rescue offers, option → label (only the options open to this sign-in). */
const RecoveryOptions = z
  .record(z.enum(["email", "help", "recovery_code"]), z.string())
  .meta({ id: "TfRecoveryOptions", description: "The rescue options open to this sign-in: `email`, `help`, `recovery_code`." });

export const tfSetupGet: Contract = {
  method: "GET",
  path: "/tf-setup",
  summary: "Two-factor set-up: the current method and the methods that may be set up (signed in and fresh, or a sign-in that must set one up)",
  response: CsrfOnly.extend({
    user: z.optional(User),
    tf_required: z.boolean(),
    tf_method: TfMethod.nullable(),
    tf_phone_number: z.string().nullable().meta({ description: "Masked." }),
    tf_available_methods: z.array(z.string()),
  }),
  failures: [400, 401],
};

export const tfSetupPost: Contract = {
  method: "POST",
  path: "/tf-setup",
  summary: "Propose a two-factor method (a code is sent, or the authenticator key is returned), or `disable`",
  request: z.object({ setup: text(64), phone: z.optional(text(64)) }).meta({ id: "TfSetupRequest" }),
  response: z.union([
    CsrfOnly.extend({
      tf_state: z.literal("validating_profile"),
      tf_method: TfMethod,
      tf_primary_method: TfMethod,
      tf_state_token: z.optional(z.string().meta({ description: "Signed in only: POST the code to /tf-setup/{token}." })),
      tf_authr_key: z.optional(z.string()),
      tf_authr_uri: z.optional(z.string()),
      tf_authr_issuer: z.optional(z.string()),
      tf_authr_username: z.optional(z.string()),
    }),
    WithUser.extend({ tf_method: z.null() }),
  ]),
  names: { setup: "method" },
  failures: [400, 401, 429, 500],
};

export const tfSetupTokenPost: Contract = {
  method: "POST",
  path: "/tf-setup/{token}",
  summary: "Signed in: the proposed method's code saves it",
  request: CodeRequest,
  response: WithUser.extend({ tf_method: TfMethod, tf_primary_method: TfMethod, tf_phone: z.string().nullable() }),
  codeFields: ["code"],
  failures: [400, 401, 429],
};

export const tfValidateGet: Contract = {
  method: "GET",
  path: "/tf-validate",
  summary: "The pending sign-in's rescue options",
  response: CsrfOnly.extend({ recovery_options: RecoveryOptions }),
  failures: [400],
};

export const tfValidatePost: Contract = {
  method: "POST",
  path: "/tf-validate",
  summary: "The second factor's code (or, while setting one up during sign-in, the new method's first code) finishes the sign-in",
  request: CodeRequest,
  response: WithUser.extend({ tf_required: z.literal(false) }),
  codeFields: ["code"],
  failures: [400, 429],
  includeAuthToken: true,
};

export const tfRescueGet: Contract = {
  method: "GET",
  path: "/tf-rescue",
  summary: "What the pending sign-in can do without its second factor",
  response: CsrfOnly.extend({ recovery_options: RecoveryOptions }),
  failures: [400],
};

export const tfRescuePost: Contract = {
  method: "POST",
  path: "/tf-rescue",
  summary: "Rescue: `email` sends a one-time code to the account's address, `help` asks the administrator, `recovery_code` names /mf-recovery",
  request: z.object({ help_setup: text(64) }).meta({ id: "TfRescueRequest" }),
  response: CsrfOnly.extend({
    recovery_options: RecoveryOptions,
    tf_recovery_url: z.optional(
      z.string().meta({ description: "For `recovery_code`: POST the code here (Flask-Security redirects to /mf-recovery, even for JSON)." }),
    ),
  }),
  failures: [400, 429, 500],
};

export const tfSelectGet: Contract = {
  method: "GET",
  path: "/tf-select",
  summary: "The second factors that may finish this sign-in",
  response: CsrfOnly.extend({ tf_select: z.literal(true), tf_setup_methods: z.array(TfMethod) }),
  failures: [400],
};

export const tfSelectPost: Contract = {
  method: "POST",
  path: "/tf-select",
  summary: "Choose a second factor (an email or SMS code is sent now)",
  request: z.object({ which: text(64) }).meta({ id: "TfSelectRequest" }),
  response: CsrfOnly.extend({
    tf_required: z.literal(true),
    tf_state: z.literal("ready"),
    tf_method: TfMethod,
    tf_primary_method: TfMethod,
    tf_signin_url: z.optional(z.string()),
  }),
  failures: [400, 429, 500],
};
