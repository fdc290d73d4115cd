// Guarantee: the typed client's checked-in types (client/schema.d.ts) are what openapi-typescript makes of the
// OpenAPI document the API serves today; a contract changed without `npm run api:client` fails here, not in an app.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateClientTypes, SCHEMA_FILE } from "@/client/generate";

describe("the typed client", () => {
  it("its types are generated from the current OpenAPI document (run `npm run api:client` when this fails)", async () => {
    const generated = await generateClientTypes();
    expect(generated).toContain('"/api/security/refresh-token"');
    expect(readFileSync(SCHEMA_FILE, "utf8") === generated, `${SCHEMA_FILE} is stale: run npm run api:client`).toBe(true);
  });
});
