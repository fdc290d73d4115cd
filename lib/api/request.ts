import "server-only";
import type * as z from "zod";
import type { Failure } from "@/lib/security/core/errors";
import { declaresTooLarge, readBytesWithin } from "@/lib/security/core/request-checks";

/**
 * Reading a JSON API request: a JSON object, or nothing. Every way a body can be wrong — another
 * content type (415), too large (413), not JSON, not an object, a field of the wrong type or
 * size (400) — is an answer in the envelope, never a 500 (Flask-Security answers an HTML 500 to
 * some of these).
 */
export type ReadFailure = { failure: Failure; status: number };

export type ReadResult = { ok: true; fields: Record<string, unknown> } | ({ ok: false } & ReadFailure);

function refused(status: number, message: string): ReadResult {
  return { ok: false, status, failure: { ok: false, code: "API_ERROR", fieldErrors: { "": [message] } } };
}

export async function readJsonObject(request: Request): Promise<ReadResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (declaresTooLarge(request.headers)) return refused(413, "The request is too large.");
  const bytes = await readBytesWithin(request.body);
  if (bytes === null) return refused(413, "The request is too large.");
  // No body at all is an empty form (POST /logout); a body must say it is JSON.
  if (bytes.byteLength === 0 && !type) return { ok: true, fields: {} };
  if (type !== "application/json") return refused(415, "Send the request body as JSON (Content-Type: application/json).");
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return refused(400, "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return refused(400, "Send the fields as a JSON object.");
  return { ok: true, fields: value as Record<string, unknown> };
}

/**
 * The fields checked against the endpoint's request schema (the one in the OpenAPI document): a
 * value of the wrong type is Flask-Security's API_ERROR, one too long its field's message. A
 * missing field is left to the flow, which words it ("Password not provided"). Code fields may
 * come as integers (Flask-Security accepts them); they continue as text.
 */
export function checkFields(
  schema: z.ZodType,
  fields: Record<string, unknown>,
  codeFields: readonly string[] = [],
): { ok: true; fields: Record<string, unknown> } | ({ ok: false } & ReadFailure) {
  const parsed = schema.safeParse(fields);
  const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => !(issue.path.length === 1 && fields[String(issue.path[0])] === undefined));
  if (!issues.length) {
    const out = { ...fields };
    for (const name of codeFields) if (typeof out[name] === "number") out[name] = String(out[name]);
    return { ok: true, fields: out };
  }
  const fieldErrors: Record<string, string[]> = {};
  let wrongType = false;
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    const typeIssue = issue.code === "invalid_type" || issue.code === "invalid_union";
    wrongType ||= typeIssue;
    (fieldErrors[key] ??= []).push(typeIssue ? "Input not appropriate for requested API" : issue.message);
  }
  return { ok: false, status: 400, failure: { ok: false, code: wrongType ? "API_ERROR" : "INVALID_INPUT", fieldErrors } };
}
