/**
 * The hostile requests of the sweep. Each says what a guard would have to look at to refuse it:
 * "headers" (the request line and headers are enough: origin, content type, declared length,
 * action id, URL) or "body" (only the bytes of the body show it).
 */
import type { ActionTarget } from "./targets";

export type Door = "headers" | "body";

export interface HostileRequest {
  family: string;
  name: string;
  door: Door;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent with Content-Length, or chunked (no length) when `chunked` is set. */
  body?: Buffer;
  chunked?: boolean;
  target: string;
}

export const BODY_LIMIT = 2 * 1024 * 1024;
/** The sweep's server opens /dev/mailbox as a staging deployment would; its cases carry this token. */
export const SWEEP_MAILBOX_TOKEN = "sweep-mailbox-token-sweep-mailbox-token-01";
const MB = 1024 * 1024;
const BOUNDARY = "----sweepBoundary7MA4YWxkTrZu0gW";

type Headers = Record<string, string>;

/** The headers a browser sends with a server action called from a page of this origin. */
export function actionHeaders(base: string, action: ActionTarget, contentType = "text/plain;charset=UTF-8"): Headers {
  return { origin: base, "sec-fetch-site": "same-origin", "next-action": action.id, accept: "text/x-component", "content-type": contentType };
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const raw = (text: string): Buffer => Buffer.from(text, "utf8");

// What React's reply decoder reads as a reference when a string starts with "$" (ReactFlightReplyServer).
const REFERENCES = [
  "$1",
  "$2f",
  "$K",
  "$K1",
  "$@0",
  "$@1",
  "$Q1",
  "$W1",
  "$F1",
  "$h1",
  "$T",
  "$B1",
  "$i1",
  "$R1",
  "$r1",
  "$X1",
  "$x1",
  "$A1",
  "$o1",
  "$Z",
  "$0",
  "$0:a:b",
  "$1:__proto__",
  "$Dnot-a-date",
  "$n",
  "$nxyz",
  "$",
];
// Field names the app's forms use, so an object argument reaches some schema with the value.
const FIELDS = [
  "identity",
  "email",
  "password",
  "passwordConfirm",
  "newPassword",
  "newPasswordConfirm",
  "name",
  "id",
  "code",
  "method",
  "phone",
  "state",
  "credential",
  "next",
  "token",
  "usage",
  "remember",
  "setupToken",
  "username",
];
const HOSTILE_VALUES: [string, unknown][] = [
  ["lone high surrogate", "x\ud800y"],
  ["lone low surrogate", "\udfffx"],
  ["NUL", "a\u0000b"],
  ["bidi override", "\u202eadmin\u202c"],
  ["zero-width", "ad\u200bmin"],
  ["1 MB string", "a".repeat(MB)],
  ["number", 42],
  ["NaN marker", "$NaN"],
  ["null", null],
  ["array", ["a"]],
  ["object", { toString: "x" }],
  ["boolean", true],
  ["React reference", "$1"],
  ["FormData reference", "$K1"],
  ["promise reference", "$@0"],
  ["header injection", "a@example.com\r\nBcc: b@example.com"],
  ["markup", "<script>alert(1)</script>"],
  ["prototype key", { __proto__: { polluted: true } }],
];

function nested(depth: number, open: string, close: string, leaf = "1"): Buffer {
  return Buffer.from(`${open.repeat(depth)}${leaf}${close.repeat(depth)}`);
}

function everyField(value: unknown): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, value]));
}

/** Bodies a forged or broken client could send where React sends a JSON array as text/plain. */
function textBodies(): [string, Buffer][] {
  const bodies: [string, Buffer][] = [
    ["[]", raw("[]")],
    ["{}", raw("{}")],
    ['["a"]', raw('["a"]')],
    ["[{}]", raw("[{}]")],
    ["[null]", raw("[null]")],
    ["[[]]", raw("[[]]")],
    ['"string"', raw('"string"')],
    ["42", raw("42")],
    ["null", raw("null")],
    ["true", raw("true")],
    ["empty body", Buffer.alloc(0)],
    ["1001 arguments", json(Array.from({ length: 1001 }, (_, i) => i))],
    ["100,000 arguments", json(Array.from({ length: 100_000 }, () => 0))],
    ["truncated array", raw('[{"email":"a@')],
    ["truncated [", raw("[")],
    ["not JSON", raw("hello")],
    ["invalid UTF-8", Buffer.concat([raw('["'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), raw('"]')])],
    ["CESU surrogate bytes", Buffer.concat([raw('[{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), raw('"}]')])],
    ["BOM first", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), raw("[]")])],
    ["raw NUL byte", Buffer.concat([raw('["a'), Buffer.from([0]), raw('b"]')])],
    ["100,000-deep array", nested(100_000, "[", "]")],
    ["100,000-deep object", nested(100_000, '{"a":', "}")],
    ["1,000-deep array", nested(1000, "[", "]")],
    ["1 MB field", json([everyField("a".repeat(MB / FIELDS.length))])],
    ["duplicate keys", raw('[{"id":"a","id":"$1"}]')],
    ["__proto__ key", raw('[{"__proto__":{"polluted":true},"email":"a@example.com"}]')],
  ];
  for (const ref of REFERENCES) {
    bodies.push([`argument ${ref}`, json([ref])]);
    bodies.push([`field ${ref}`, json([everyField(ref)])]);
  }
  bodies.push(["bare $1", raw("$1")], ['top-level "$1"', raw('"$1"')], ["top-level $@0", raw('"$@0"')]);
  for (const [label, value] of HOSTILE_VALUES) {
    bodies.push([`every field: ${label}`, json([everyField(value)])]);
    if (typeof value === "string") bodies.push([`string argument: ${label}`, json([value])]);
  }
  return bodies;
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
}

export function multipart(parts: Part[], boundary = BOUNDARY, close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    const type = part.filename ? "\r\nContent-Type: application/octet-stream" : "";
    chunks.push(raw(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value), raw("\r\n"));
  }
  if (close) chunks.push(raw(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** FormData-shaped bodies (how React sends an argument that is, or contains, FormData). */
function multipartBodies(): [string, Buffer][] {
  return [
    [
      "FormData with an id",
      multipart([
        { name: "_1_id", value: "x" },
        { name: "0", value: '["$K1"]' },
      ]),
    ],
    [
      "FormData, invalid UTF-8 value",
      multipart([
        { name: "_1_id", value: Buffer.from([0xff, 0xed, 0xa0, 0x80]) },
        { name: "0", value: '["$K1"]' },
      ]),
    ],
    [
      "FormData, 1 MB value",
      multipart([
        { name: "_1_method", value: "a".repeat(MB) },
        { name: "0", value: '["$K1"]' },
      ]),
    ],
    ["no root field", multipart([{ name: "_1_id", value: "x" }])],
    ["root []", multipart([{ name: "0", value: "[]" }])],
    ["root {}", multipart([{ name: "0", value: "{}" }])],
    ['root ["a"]', multipart([{ name: "0", value: '["a"]' }])],
    ["root not JSON", multipart([{ name: "0", value: "[" }])],
    ["missing outlined part", multipart([{ name: "0", value: '["$1"]' }])],
    [
      "outlined part not JSON",
      multipart([
        { name: "0", value: '["$Q1"]' },
        { name: "1", value: "not json" },
      ]),
    ],
    [
      "self-referencing part",
      multipart([
        { name: "0", value: '["$1"]' },
        { name: "1", value: '[{"id":"$1"}]' },
      ]),
    ],
    [
      "blob reference",
      multipart([
        { name: "0", value: '["$B1"]' },
        { name: "1", value: Buffer.from([0, 1, 2]), filename: "x.bin" },
      ]),
    ],
    ["root as a file", multipart([{ name: "0", value: '["a"]', filename: "root.json" }])],
    ["10,000 fields", multipart([...Array.from({ length: 10_000 }, (_, i) => ({ name: `_1_f${i}`, value: "x" })), { name: "0", value: '["$K1"]' }])],
    [
      "unterminated multipart",
      multipart(
        [
          { name: "0", value: '["$K1"]' },
          { name: "_1_id", value: "x" },
        ],
        BOUNDARY,
        false,
      ),
    ],
    ["boundary mismatch", multipart([{ name: "0", value: '["$K1"]' }], "----otherBoundary")],
    ["not multipart at all", raw('["$K1"]')],
  ];
}

/** Every body-only hostile case, with the content type it is sent as (tests/unit/action-guard.door.test.ts uses them too). */
export function hostileActionBodies(): { name: string; contentType: string; body: Buffer }[] {
  return [
    ...textBodies().map(([name, body]) => ({ name, contentType: "text/plain;charset=UTF-8", body })),
    ...multipartBodies().map(([name, body]) => ({ name, contentType: MULTIPART_TYPE, body })),
  ];
}

function withBody(headers: Headers, body: Buffer): Headers {
  return { ...headers, "content-length": String(body.length) };
}

const oversize = (): Buffer => json(["a".repeat(BODY_LIMIT + 1024)]);

/** Every hostile request for one server action. */
export function actionCases(base: string, action: ActionTarget): HostileRequest[] {
  const target = `action ${action.name} (${action.file})`;
  const cases: HostileRequest[] = [];
  const add = (family: string, name: string, door: Door, headers: Headers, body: Buffer, chunked = false): void => {
    cases.push({ family, name, door, method: "POST", path: action.page, headers: chunked ? headers : withBody(headers, body), body, chunked, target });
  };
  const plain = actionHeaders(base, action);
  const small = raw("[]");
  const without = (...names: string[]): Headers => Object.fromEntries(Object.entries(plain).filter(([key]) => !names.includes(key)));

  // Request line and headers.
  add("origin", "cross-site Origin", "headers", { ...plain, origin: "https://evil.example", "sec-fetch-site": "cross-site" }, small);
  add("origin", "foreign Origin, no Sec-Fetch-Site", "headers", { ...without("sec-fetch-site"), origin: "https://evil.example" }, small);
  add("origin", "Origin: null", "headers", { ...without("sec-fetch-site"), origin: "null" }, small);
  add("origin", "Origin: null + cross-site fetch site", "headers", { ...plain, origin: "null", "sec-fetch-site": "cross-site" }, small);
  // What a browser sends from a no-referrer page (passes the door; the action answers).
  add("origin", "Origin: null + same-origin fetch site", "headers", { ...plain, origin: "null" }, small);
  add("origin", "no Origin, no Sec-Fetch-Site", "headers", without("origin", "sec-fetch-site"), small);
  add("origin", "Sec-Fetch-Site: cross-site, own Origin", "headers", { ...plain, "sec-fetch-site": "cross-site" }, small);
  add("origin", "Sec-Fetch-Site: same-site", "headers", { ...plain, origin: base.replace("localhost", "sub.localhost"), "sec-fetch-site": "same-site" }, small);
  add("origin", "other port", "headers", { ...without("sec-fetch-site"), origin: "http://localhost:1" }, small);
  add("origin", "Origin not a URL", "headers", { ...without("sec-fetch-site"), origin: "not a url" }, small);
  add("origin", "Origin with a path", "headers", { ...plain, origin: `${base}/evil` }, small);
  for (const type of [
    "application/json",
    "application/xml",
    "text/html",
    "application/octet-stream",
    "image/png",
    "application/x-www-form-urlencoded",
    "text/plain;charset=utf-16",
    "text/plain; charset=iso-8859-1",
    "multipart/mixed; boundary=x",
    "garbage",
  ]) {
    add("content type", type, "headers", { ...plain, "content-type": type }, small);
  }
  add("content type", "no Content-Type", "headers", without("content-type"), small);
  add("boundary", "multipart without boundary", "headers", { ...plain, "content-type": "multipart/form-data" }, multipart([{ name: "0", value: "[]" }]));
  add("boundary", "empty boundary", "headers", { ...plain, "content-type": "multipart/form-data; boundary=" }, multipart([{ name: "0", value: "[]" }]));
  add(
    "boundary",
    "200-character boundary",
    "headers",
    { ...plain, "content-type": `multipart/form-data; boundary=${"b".repeat(200)}` },
    multipart([{ name: "0", value: "[]" }], "b".repeat(200)),
  );
  add("boundary", "boundary with spaces only", "headers", { ...plain, "content-type": 'multipart/form-data; boundary="   "' }, small);
  add("size", "declared length over 2 MB", "headers", plain, oversize());
  add(
    "size",
    "declared length over 2 MB, multipart",
    "headers",
    { ...plain, "content-type": MULTIPART_TYPE },
    multipart([{ name: "0", value: JSON.stringify(["a".repeat(BODY_LIMIT)]) }]),
  );
  for (const [label, id] of [
    ["short", "x"],
    ["zeros", "0".repeat(42)],
    ["unknown", "7f".repeat(21)],
    ["toString", "toString"],
    ["__proto__", "__proto__"],
    ["4 kB", "a".repeat(4096)],
  ]) {
    add("action id", `Next-Action ${label}`, "headers", { ...plain, "next-action": id! }, small);
  }

  // Only the body shows these.
  add("size", "chunked body over 2 MB", "body", plain, oversize(), true);
  add(
    "size",
    "chunked body over 2 MB, multipart",
    "body",
    { ...plain, "content-type": MULTIPART_TYPE },
    multipart([{ name: "0", value: JSON.stringify(["a".repeat(BODY_LIMIT)]) }]),
    true,
  );
  for (const [name, body] of textBodies()) add("text body", name, "body", plain, body);
  for (const [name, body] of multipartBodies()) add("multipart body", name, "body", { ...plain, "content-type": MULTIPART_TYPE }, body);

  // A form posted before hydration (no Next-Action header; the action is named in the body).
  const mpaType = { ...without("next-action"), "content-type": MULTIPART_TYPE, accept: "text/html" };
  add(
    "no-JS form",
    "cross-site form post",
    "headers",
    { ...mpaType, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    multipart([{ name: `$ACTION_ID_${action.id}`, value: "" }]),
  );
  add(
    "no-JS form",
    "form post, Origin: null",
    "headers",
    { ...mpaType, origin: "null", "sec-fetch-site": "cross-site" },
    multipart([{ name: `$ACTION_ID_${action.id}`, value: "" }]),
  );
  add(
    "no-JS form",
    "form post without boundary",
    "headers",
    { ...mpaType, "content-type": "multipart/form-data" },
    multipart([{ name: `$ACTION_ID_${action.id}`, value: "" }]),
  );
  add(
    "no-JS form",
    "form post, this action",
    "body",
    mpaType,
    multipart([
      { name: `$ACTION_ID_${action.id}`, value: "" },
      { name: "id", value: "x\u202e" },
    ]),
  );
  add("no-JS form", "form post, unknown action", "body", mpaType, multipart([{ name: `$ACTION_ID_${"7f".repeat(21)}`, value: "" }]));
  add(
    "no-JS form",
    "form post, bound action not JSON",
    "body",
    mpaType,
    multipart([
      { name: "$ACTION_REF_1", value: "" },
      { name: "$ACTION_1:0", value: "{" },
    ]),
  );
  add(
    "no-JS form",
    "form post, bound action forged",
    "body",
    mpaType,
    multipart([
      { name: "$ACTION_REF_1", value: "" },
      { name: "$ACTION_1:0", value: JSON.stringify({ id: action.id, bound: "$@1" }) },
    ]),
  );
  add(
    "no-JS form",
    "form post, bound args not a promise",
    "body",
    mpaType,
    multipart([
      { name: "$ACTION_REF_1", value: "" },
      { name: "$ACTION_1:0", value: JSON.stringify({ id: action.id, bound: ["$Q2"] }) },
    ]),
  );
  return cases;
}

const HOSTILE_SEGMENTS: [string, string][] = [
  ["encoded lone surrogate", "%ED%A0%80"],
  ["invalid percent-encoding", "%ff"],
  ["bare percent", "%"],
  ["NUL", "%00"],
  ["bidi", "%E2%80%AE"],
  ["10 kB", "a".repeat(10_000)],
  ["dot-dot", "..%2F..%2Fetc"],
];

const HOSTILE_QUERIES = [
  "next=%ED%A0%80",
  "next=%ff",
  "next=javascript:alert(1)",
  "next=//evil.example",
  `next=${"a".repeat(10_000)}`,
  "notice=%00",
  "notice=%3Cscript%3E",
  "notice=__proto__",
  "email=%ED%A0%80",
  "page=-1",
  "page=1e308",
  "page=%ff",
  "method=sms&method=email",
  "to=%ED%A0%80",
  "kind=%00",
];

/** Every page: odd query strings, odd methods, and hostile values in dynamic segments. */
export function pageCases(base: string, pages: string[], dynamicPages: string[]): HostileRequest[] {
  const cases: HostileRequest[] = [];
  const get = (family: string, name: string, path: string, target: string, method = "GET"): void => {
    cases.push({ family, name, door: "headers", method, path, headers: { accept: "text/html" }, target });
  };
  for (const page of pages) {
    const target = `page ${page}`;
    for (const query of HOSTILE_QUERIES) get("query", query.slice(0, 40), `${page}?${query}`, target);
    for (const method of ["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]) get("method", method, page, target, method);
    const post = (name: string, door: Door, headers: Headers, body: Buffer): void => {
      cases.push({
        family: "page POST",
        name,
        door,
        method: "POST",
        path: page,
        headers: withBody({ origin: base, "sec-fetch-site": "same-origin", ...headers }, body),
        body,
        target,
      });
    };
    post("URL-encoded form", "headers", { "content-type": "application/x-www-form-urlencoded" }, raw("a=%ff&b=%ED%A0%80"));
    post("text/plain, no action", "headers", { "content-type": "text/plain" }, raw("[]"));
    post("JSON, no action", "headers", { "content-type": "application/json" }, raw('{"a":1}'));
  }
  for (const route of dynamicPages) {
    for (const [name, segment] of HOSTILE_SEGMENTS) get("segment", name, route.replace(/\[[^\]]+\]/, segment), `page ${route}`);
  }
  return cases;
}

/** Route handlers: the sign-in endpoint, Auth.js, the confirmation link, the dev mailbox. */
export function routeCases(base: string): HostileRequest[] {
  const cases: HostileRequest[] = [];
  const same = { origin: base, "sec-fetch-site": "same-origin" };
  const send = (family: string, name: string, door: Door, method: string, path: string, headers: Headers, body?: Buffer, chunked = false): void => {
    const sized = body && !chunked ? withBody(headers, body) : headers;
    cases.push({ family, name, door, method, path, headers: sized, body, chunked, target: `route ${path.split("?")[0]}` });
  };
  for (const [name, body] of textBodies()) {
    send("sign-in body", name, "body", "POST", "/login/session", { ...same, "content-type": "application/json", accept: "application/json" }, body);
  }
  send(
    "sign-in body",
    "URL-encoded, invalid escapes",
    "body",
    "POST",
    "/login/session",
    { ...same, "content-type": "application/x-www-form-urlencoded" },
    raw("identity=%ff&password=%ED%A0%80"),
  );
  send("sign-in body", "chunked over 2 MB", "body", "POST", "/login/session", { ...same, "content-type": "application/json" }, oversize(), true);
  send("sign-in headers", "over 2 MB declared", "headers", "POST", "/login/session", { ...same, "content-type": "application/json" }, oversize());
  send("sign-in headers", "cross-site", "headers", "POST", "/login/session", { origin: "https://evil.example", "content-type": "application/json" }, raw("{}"));
  send("sign-in headers", "text/plain", "headers", "POST", "/login/session", { ...same, "content-type": "text/plain" }, raw("{}"));
  send("sign-in headers", "GET", "headers", "GET", "/login/session", {});

  for (const [name, segment] of HOSTILE_SEGMENTS) {
    send("confirm link", name, "headers", "GET", `/confirm/${segment}`, {});
    send("Auth.js", `path ${name}`, "headers", "GET", `/api/auth/${segment}`, {});
  }
  send("confirm link", "POST", "headers", "POST", "/confirm/sweep-token", { ...same, "content-type": "text/plain" }, raw("x"));
  for (const action of [
    "session",
    "csrf",
    "providers",
    "signin",
    "signout",
    "error?error=%ED%A0%80",
    "callback/credentials",
    "signin/credentials",
    "callback/unknown",
    "verify-request",
  ]) {
    send("Auth.js", `GET ${action}`, "headers", "GET", `/api/auth/${action}`, {});
  }
  for (const action of ["callback/credentials", "signin/credentials", "signout", "session"]) {
    const form = { ...same, "content-type": "application/x-www-form-urlencoded" };
    send(
      "Auth.js",
      `POST ${action}, hostile form`,
      "body",
      "POST",
      `/api/auth/${action}`,
      form,
      raw("csrfToken=%ff&identity=%ED%A0%80&password=%00&callbackUrl=javascript:1"),
    );
    send(
      "Auth.js",
      `POST ${action}, JSON`,
      "headers",
      "POST",
      `/api/auth/${action}`,
      { ...same, "content-type": "application/json" },
      raw('{"csrfToken":["x"]}'),
    );
    send(
      "Auth.js",
      `POST ${action}, cross-site`,
      "headers",
      "POST",
      `/api/auth/${action}`,
      { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      raw("a=b"),
    );
    send("Auth.js", `POST ${action}, truncated form`, "body", "POST", `/api/auth/${action}`, form, raw("csrfToken=%"));
  }
  for (const query of HOSTILE_QUERIES) {
    send("dev mailbox", query.slice(0, 40), "headers", "GET", `/dev/mailbox/messages?${query}`, { "x-dev-mailbox-token": SWEEP_MAILBOX_TOKEN });
  }
  send("dev mailbox", "a wrong token", "headers", "GET", "/dev/mailbox/messages", { "x-dev-mailbox-token": "x".repeat(4096) });
  return cases;
}
