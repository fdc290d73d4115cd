import * as z from "zod";
import { LoginResponse } from "./login";
import { text, type Contract } from "./shared";

/** WebAuthn (Flask-Security's wan-*): passkey ceremonies in two steps, the state in between kept in Postgres. */

/** What navigator.credentials.create()/get() answered: a JSON string as the reference sends it, or the object itself. */
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
