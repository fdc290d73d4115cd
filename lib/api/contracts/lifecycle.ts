import * as z from "zod";
import { CsrfOnly, text, WithUser, type Contract } from "./shared";

/** Flask-Security's /change-email, /change-username and /recover-username (the account lifecycle, decisions 027 and 028). */

export const changeEmailGet: Contract = {
  method: "GET",
  path: "/change-email",
  summary: "The signed-in user's current email address (fresh sign-in required)",
  response: WithUser.extend({ current_email: z.string() }),
  failures: [400, 401, 403],
};

export const changeEmailPost: Contract = {
  method: "POST",
  path: "/change-email",
  summary: "Email a single-use confirmation link to a new address; the old address is told and can cancel",
  request: z.object({ email: text(254) }).meta({ id: "ChangeEmailRequest" }),
  response: WithUser.extend({ current_email: z.string() }),
  failures: [400, 401, 403, 429],
};

export const changeUsernameGet: Contract = {
  method: "GET",
  path: "/change-username",
  summary: "The signed-in user's current username (fresh sign-in required; usernames enabled)",
  response: WithUser.extend({ current_username: z.string().nullable() }),
  failures: [400, 401, 403],
};

export const changeUsernamePost: Contract = {
  method: "POST",
  path: "/change-username",
  summary: "Change the username at once (empty removes it unless required); the old one stops signing in",
  request: z.object({ username: text() }).meta({ id: "ChangeUsernameRequest" }),
  response: WithUser,
  failures: [400, 401, 403, 429],
};

export const recoverUsernamePost: Contract = {
  method: "POST",
  path: "/recover-username",
  summary: "Email the account's username (the same answer for every address under generic responses)",
  request: z.object({ email: text(254) }).meta({ id: "RecoverUsernameRequest" }),
  response: CsrfOnly,
  failures: [400, 429],
};
