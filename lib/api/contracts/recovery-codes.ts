import * as z from "zod";
import { code, WithUser, type Contract } from "./shared";

const RecoveryCodes = WithUser.extend({
  recovery_codes: z.array(z.string()).meta({
    description: "POST: the new set, shown this once. GET: always [] — Gatehouse keeps only the codes' HMACs and cannot show them again.",
  }),
  recovery_codes_shown_once: z.literal(true).meta({ description: "Gatehouse shows a set only when it is generated (Flask-Security shows it again)." }),
  recovery_codes_total: z.int(),
  recovery_codes_remaining: z.int(),
});

export const mfRecoveryCodesGet: Contract = {
  method: "GET",
  path: "/mf-recovery-codes",
  summary: "How many recovery codes are left (signed in and fresh); the codes themselves are never shown again",
  response: RecoveryCodes,
  failures: [400, 401],
};

export const mfRecoveryCodesPost: Contract = {
  method: "POST",
  path: "/mf-recovery-codes",
  summary: "A new set of recovery codes, replacing the old (signed in and fresh); shown this once",
  request: z.object({}),
  response: RecoveryCodes,
  failures: [400, 401],
};

export const mfRecoveryPost: Contract = {
  method: "POST",
  path: "/mf-recovery",
  summary: "A recovery code finishes the pending sign-in (never with an auth token)",
  request: z.object({ code: code() }).meta({ id: "MfRecoveryRequest" }),
  response: WithUser,
  codeFields: ["code"],
  failures: [400, 429],
};
