import * as z from "zod";
import { LoginResponse } from "./login";
import { CsrfOnly, text, WithUser, type Contract } from "./shared";

/** WebAuthn (Flask-Security's wan-*): passkey ceremonies in two steps, the state in between kept in Postgres. */

/** What navigator.credentials.create()/get() answered: a JSON string as Flask-Security sends it, or the object itself. */
const Credential = z.union([z.string().max(100_000, "Value entered is too long"), z.record(z.string(), z.unknown())]);

export const wanSigninPost: Contract = {
  method: "POST",
  path: "/wan-signin",
  summary: "Passkey sign-in, step 1: the options for navigator.credentials.get() (a pending sign-in's second factor when one is waiting)",
  request: z.object({ identity: z.optional(text()), remember: z.optional(z.boolean()), next: z.optional(text(2048)) }).meta({ id: "WanSigninRequest" }),
  response: z.object({
    credential_options: z.record(z.string(), z.unknown()),
    wan_state: z.string(),
    remember: z.boolean(),
    is_secondary: z.boolean(),
    csrf_token: z.string(),
  }),
  failures: [400, 429],
};

export const wanSigninFinish: Contract = {
  method: "POST",
  path: "/wan-signin/{token}",
  summary: "Passkey sign-in, step 2: the assertion; signs in, or answers the second factor still needed",
  request: z
    .object({ credential: z.optional(Credential), remember: z.optional(z.boolean()), next: z.optional(text(2048)) })
    .meta({ id: "WanSigninFinishRequest" }),
  response: LoginResponse.extend({ post_login_url: z.optional(z.string()) }),
  failures: [400, 429],
  includeAuthToken: true,
};

/** What a ceremony's first step answers: the options for navigator.credentials and the state for the second. */
const CeremonyStarted = { credential_options: z.record(z.string(), z.unknown()), wan_state: z.string() };
const CredentialRequest = (id: string) => z.object({ credential: z.optional(Credential) }).meta({ id });

export const wanRegisterGet: Contract = {
  method: "GET",
  path: "/wan-register",
  summary: "The user's passkeys (signed in and fresh)",
  response: WithUser.extend({
    registered_credentials: z.array(
      z.object({
        name: z.string(),
        credential_id: z.string().meta({ description: "base64url" }),
        transports: z.array(z.string()),
        lastuse: z.string().nullable().meta({ description: "ISO 8601" }),
        usage: z.enum(["first", "secondary"]),
        backup_state: z.boolean(),
        device_type: z.string(),
        discoverable: z.boolean().nullable(),
      }),
    ),
  }),
  failures: [400, 401],
};

export const wanRegisterPost: Contract = {
  method: "POST",
  path: "/wan-register",
  summary: "Add a passkey, step 1: its `name` and `usage` (`first`: to sign in, `secondary`: a second factor, the default); the creation options",
  request: z.object({ name: z.optional(text(256)), usage: z.optional(text(32)) }).meta({ id: "WanRegisterRequest" }),
  response: CsrfOnly.extend(CeremonyStarted),
  failures: [400, 401, 429],
};

export const wanRegisterFinish: Contract = {
  method: "POST",
  path: "/wan-register/{token}",
  summary: "Add a passkey, step 2: the attestation from navigator.credentials.create()",
  request: CredentialRequest("WanRegisterFinishRequest"),
  response: CsrfOnly,
  failures: [400, 401, 429],
};

export const wanDeletePost: Contract = {
  method: "POST",
  path: "/wan-delete",
  summary: "Remove a passkey by its name (never the last way to sign in, nor a required last second factor)",
  request: z.object({ name: z.optional(text(256)) }).meta({ id: "WanDeleteRequest" }),
  response: CsrfOnly,
  failures: [400, 401],
};

export const wanVerifyPost: Contract = {
  method: "POST",
  path: "/wan-verify",
  summary: "Re-verify with a passkey, step 1: the options, offering only the user's passkeys allowed for it",
  request: z.object({}),
  response: CsrfOnly.extend(CeremonyStarted),
  failures: [400, 401],
};

export const wanVerifyFinish: Contract = {
  method: "POST",
  path: "/wan-verify/{token}",
  summary: "Re-verify with a passkey, step 2: the assertion; the session is fresh again",
  request: CredentialRequest("WanVerifyFinishRequest"),
  response: WithUser,
  failures: [400, 401, 429],
  includeAuthToken: true,
};
