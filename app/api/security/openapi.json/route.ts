import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document of /api/security, generated from the endpoints' zod schemas. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
