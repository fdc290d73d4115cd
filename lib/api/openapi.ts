import "server-only";
import * as z from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { getConfig } from "@/lib/security/config";
import { envelopeOf, ErrorResponse } from "./envelope";
import { CONTRACTS } from "./contracts";
import { fullPath, type Contract } from "./contracts/shared";

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas the endpoints read
 * and answer with (lib/api/contracts/). Served at /api/security/openapi.json; `npm test` lints it
 * with a validator and checks every JSON answer of the integration tests against it.
 */

const FAILURE_DESCRIPTIONS: Record<number, string> = {
  400: "Validation failed, or the request is not appropriate for this endpoint",
  401: "Not signed in, or (reauth_required) not recently enough",
  403: "Signed in without the rights, or a cross-site browser request",
  413: "The request body is too large",
  415: "The request body is not JSON",
  429: "Rate-limited: wait Retry-After seconds",
  500: "A code could not be sent",
};

function operation(contract: Contract): ZodOpenApiOperationObject {
  // Every route may refuse a cross-site browser call (403); a route with a body, a body it cannot read.
  const always = contract.request ? [400, 403, 413, 415] : [403];
  const statuses = [...new Set([...contract.failures, ...always])].sort();
  const failures = statuses.map((status) => [
    String(status),
    { description: FAILURE_DESCRIPTIONS[status] ?? "Failure", content: { "application/json": { schema: envelopeOf(ErrorResponse) } } },
  ]);
  const success = contract.redirect
    ? { 302: { description: "To the view that shows the outcome (Location)" } }
    : { 200: { description: "Success", content: { "application/json": { schema: envelopeOf(contract.response) } } } };
  const responses: ZodOpenApiOperationObject["responses"] = { ...success, ...Object.fromEntries(failures) };
  // A path segment such as {token} (tf-setup/{token}) is a required path parameter.
  const pathParams = [...contract.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return {
    summary: contract.summary,
    ...(pathParams.length ? { requestParams: { path: z.object(Object.fromEntries(pathParams.map((name) => [name, z.string()]))) } } : {}),
    ...(contract.request ? { requestBody: { required: false, content: { "application/json": { schema: contract.request } } } } : {}),
    ...(contract.includeAuthToken
      ? {
          parameters: [
            {
              name: "include_auth_token",
              in: "query" as const,
              required: false,
              description: "Present: the answer's user carries an authentication_token.",
              schema: { type: "string" as const },
              allowEmptyValue: true,
            },
          ],
        }
      : {}),
    responses,
  };
}

export function openApiDocument(): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const contract of CONTRACTS) {
    const path = fullPath(contract);
    paths[path] = { ...paths[path], [contract.method.toLowerCase()]: operation(contract) };
  }
  const { token } = getConfig().api;
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: `${getConfig().appName} security API`,
      version: "1.0.0",
      description: "Flask-Security's JSON endpoints, envelope and field names (docs/api.md lists where Gatehouse differs).",
    },
    servers: [{ url: getConfig().appUrl }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "gatehouse.session",
          description: "The session cookie (__Host- prefixed on https); unsafe calls need the X-CSRF-Token header.",
        },
        token: { type: "apiKey", in: "header", name: token.header, description: "An auth token from ?include_auth_token." },
      },
    },
  });
}
