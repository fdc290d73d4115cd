// The JSON API in-process: route handlers called with real Request objects, a cookie jar per
// client (next/headers mocked onto it, next-auth's issuer reduced to the cookie it writes), and
// every JSON answer checked against the OpenAPI document the API serves (a drifted answer fails).
import { randomBytes } from "node:crypto";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { expect } from "vitest";

type Jar = Map<string, string>;
let activeJar: Jar = new Map();

/** vi.mock("next/headers", …) target: cookies() reads and writes the calling client's jar. */
export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (activeJar.has(name) ? { name, value: activeJar.get(name)! } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (value === "" || options?.maxAge === 0) activeJar.delete(name);
      else activeJar.set(name, value);
    },
  }),
  headers: async () => new Headers(),
};

/** vi.mock("@/lib/security/sessions/issuer", …) target: the session cookie is written by issueSessionCookie itself. */
export const issuerMock = {
  getIssuer: () => ({ signIn: async () => undefined, signOut: async () => undefined }),
  sessionGrant: () => "",
};

type Handler = (request: Request) => Promise<Response> | Response;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: { meta: { code: number }; response: Record<string, unknown> } & Record<string, unknown>;
}

// null: a documented answer without a body (a redirect).
let validators: Map<string, ValidateFunction | null> | undefined;

async function validatorFor(method: string, path: string, status: number): Promise<ValidateFunction | null | undefined> {
  if (!validators) {
    const { openApiDocument } = await import("@/lib/api/openapi");
    const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
      components?: object;
    };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    validators = new Map();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(item)) {
        for (const [s, res] of Object.entries(op.responses)) {
          const schema = res.content?.["application/json"]?.schema;
          validators.set(`${m.toUpperCase()} ${p} ${s}`, schema ? ajv.compile({ ...schema, components: doc.components }) : null);
        }
      }
    }
  }
  return validators.get(`${method} ${path} ${status}`);
}

/** Checks an answer against the document: its status must be documented for the path, and its body must match. */
export async function expectDocumented(method: string, path: string, answer: Pick<ApiAnswer, "status" | "body">): Promise<void> {
  const validate = await validatorFor(method, path, answer.status);
  expect(validate, `${method} ${path} answers ${answer.status}, which the OpenAPI document does not list`).not.toBeUndefined();
  if (validate === null) {
    expect(answer.body, `${method} ${path} ${answer.status} is documented without a body`).toEqual({});
    return;
  }
  const valid = validate!(answer.body);
  expect(valid, `${method} ${path} ${answer.status} drifted from the document: ${JSON.stringify(validate!.errors)}\n${JSON.stringify(answer.body)}`).toBe(true);
}

/** A client: its own cookies and IP address, like one browser or app. */
export class ApiClient {
  readonly jar: Jar = new Map();
  readonly ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

  /** A route that does not answer the envelope (a page's route handler), with this client's cookies. */
  async send(handler: Handler, request: Request): Promise<Response> {
    activeJar = this.jar;
    return handler(request);
  }

  async call(
    handler: Handler,
    method: string,
    path: string,
    options: { json?: unknown; body?: string | Uint8Array; headers?: Record<string, string>; query?: string; documented?: string | false } = {},
  ): Promise<ApiAnswer> {
    const headers = new Headers({ "x-forwarded-for": this.ip, ...options.headers });
    let body: string | Uint8Array | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const request = new Request(`http://localhost:3000${path}${options.query ?? ""}`, { method, headers, body: body as BodyInit | undefined });
    activeJar = this.jar;
    const response = await handler(request);
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as ApiAnswer["body"]) : ({} as ApiAnswer["body"]);
    const answer = { status: response.status, headers: response.headers, body: parsed };
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    if (response.status < 300 || response.status >= 400) expect(parsed.meta?.code).toBe(response.status);
    if (options.documented !== false) await expectDocumented(method, options.documented ?? path, answer);
    return answer;
  }
}
