import type { AuthenticatorEnrollment, SetupMethod } from "@/lib/view/two-factor-types";
import type { AuthenticatorWords } from "@/components/two-factor/authenticator-details";
import type { MethodFieldsWords } from "@/components/two-factor/method-fields";
import type { FormState } from "@/lib/view/form-state";
import type { SchemaWords } from "@/lib/view/schema-words";

/** What step 2 of the setup shows: the authenticator enrollment, or where the code went. */
export interface SetupDetails {
  method: SetupMethod;
  enrollment: AuthenticatorEnrollment | null;
  /** Masked phone number for SMS. */
  sentTo: string | null;
}

/** FormState plus, on success, the setup details. */
export type SetupStartState = (NonNullable<FormState> & { setup?: SetupDetails }) | null;

/** Both steps' words, in the page's language (page.tsx). */
export interface SetupWords {
  /** The input checks' words (schemaWordsFor). */
  schema: SchemaWords;
  formLabel: string;
  legend: string;
  continue: string;
  fields: MethodFieldsWords;
  scan: string;
  /** With `{destination}`: the address or masked phone is known only after step 1. */
  sentTo: string;
  verifyLabel: string;
  code: string;
  submit: string;
  chooseDifferent: string;
  authenticator: AuthenticatorWords;
}
