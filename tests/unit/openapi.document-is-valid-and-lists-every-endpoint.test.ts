// Threat: a contract that a client generator or validator rejects, or an endpoint served but missing from the document
// (the client written from it would not know it). The document is generated from the same zod schemas the routes use.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { ruleFor } from "@/lib/security/core/routes";

const API_DIRS = [path.resolve(__dirname, "../../app/api/security"), path.resolve(__dirname, "../../app/api/me")];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}

function urlOf(file: string): string {
  const app = path.resolve(__dirname, "../../app");
  return `/${path
    .relative(app, path.dirname(file))
    .split(path.sep)
    .map((s) => (s.startsWith("[") ? `{${s.replace(/[[\].]/g, "")}}` : s))
    .join("/")}`;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(JSON.parse(JSON.stringify(openApiDocument())));
    expect(result.valid, JSON.stringify(result.valid ? [] : result.errors)).toBe(true);
  });

  it("the validator does reject a broken document (the check above can fail)", async () => {
    const broken = JSON.parse(JSON.stringify(openApiDocument())) as { paths: Record<string, Record<string, { responses?: unknown }>> };
    // A response object must say what it is (OpenAPI 3.1 requires its description).
    broken.paths["/api/security/login"]!.post!.responses = { "200": {} };
    expect((await validate(broken as unknown as Parameters<typeof validate>[0])).valid).toBe(false);
  });

  it("lists every JSON API route under app/, and each has a rule with mechanisms in the route table", () => {
    const documented = Object.keys(openApiDocument().paths ?? {});
    const served = API_DIRS.flatMap(routeFiles)
      .map(urlOf)
      .filter((url) => url !== "/api/security/openapi.json");
    expect(served.length).toBeGreaterThan(2);
    for (const url of served) {
      expect(documented, `${url} is served but not in the document`).toContain(url);
      expect(ruleFor(url.replace(/\{[^}]+\}/g, "sample"))?.mechanisms, `${url} has no mechanisms in lib/security/core/routes.ts`).toBeDefined();
    }
  });
});
