import * as z from "zod";
import type { FieldNames } from "../field-names";

/**
 * What the endpoints share in their contracts. Each endpoint's request and response schemas are
 * these zod schemas: the route reads its body with them (lib/api/request.ts) and the OpenAPI
 * document is generated from them (lib/api/openapi.ts), so the two cannot drift apart.
 */

/** A text field of a request: a string of bounded length (the flows' own schemas check the rest). */
export const text = (max = 1024) => z.string().max(max, "Value entered is too long");

/**
 * One-time codes: Flask-Security also accepts them as JSON integers (list the field in the
 * contract's `codeFields` so it reaches the flow as text).
 * @public
 */
export const code = () => z.union([z.string().max(64, "Value entered is too long"), z.int().nonnegative()]);

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    username: z.string().nullable(),
    confirmed_at: z.string().nullable().meta({ description: "ISO 8601, or null while the address is unconfirmed." }),
    authentication_token: z.optional(z.string().meta({ description: "Only on a successful POST asked with ?include_auth_token." })),
    authentication_token_expires_at: z.optional(z.string()),
    refresh_token: z.optional(
      z.string().meta({ description: "With SECURITY_REFRESH_TOKEN, beside a new authentication_token (in cookie mode the cookie holds it instead)." }),
    ),
    refresh_token_expires_at: z.optional(z.string()),
  })
  .meta({ id: "User" });

/** Flask-Security's "U": the signed-in user and the CSRF token. */
export const WithUser = z.object({ user: User, csrf_token: z.string() });

/**
 * Its "C": the CSRF token alone (anonymous and pre-authentication steps).
 * @public
 */
export const CsrfOnly = z.object({ csrf_token: z.string() });

export type Method = "GET" | "POST";

export interface Contract {
  method: Method;
  /** Below /api/security, or an absolute /api/… path. */
  path: string;
  summary: string;
  request?: z.ZodObject;
  response: z.ZodType;
  /** Flask-Security's request field names for ours (lib/api/field-names.ts). */
  names?: FieldNames;
  /** Request fields that may come as integers. */
  codeFields?: readonly string[];
  /** The failure statuses this endpoint answers, beside 200 (all in the envelope). */
  failures: readonly number[];
  /** Answers with a 302 (an emailed link's GET), not JSON. */
  redirect?: true;
  /** Accepts ?include_auth_token. */
  includeAuthToken?: boolean;
}

export const API_PREFIX = "/api/security";

export function fullPath(contract: Pick<Contract, "path">): string {
  return contract.path.startsWith("/api/") ? contract.path : `${API_PREFIX}${contract.path}`;
}
