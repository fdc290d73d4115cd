// Threat: a forged server-action request (cross-site, odd content type, broken or forged body)
// reaches Next's decoder and becomes a 500 — or the door refuses what a real React form sends.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkActionBody, checkActionHeaders, isServerActionRequest, refusalResponse, type Refusal } from "@/lib/security/core/action-guard";
import { resetConfig } from "@/lib/security/config";
import { BODY_LIMIT_BYTES } from "@/lib/security/core/request-checks";
import { hostileActionBodies } from "@/scripts/sweep/cases";

const APP = "http://localhost:3000";
const ACTION = "7f".repeat(21);
const TEXT = "text/plain;charset=UTF-8";

beforeAll(() => {
  process.env.APP_URL = APP;
  resetConfig();
});
afterAll(() => {
  delete process.env.APP_URL;
  resetConfig();
});

/** What a browser sends with a fetch action from one of our pages. */
function browser(extra: Record<string, string | null> = {}): Headers {
  const base: Record<string, string | null> = {
    origin: APP,
    "sec-fetch-site": "same-origin",
    "next-action": ACTION,
    "content-type": TEXT,
    "content-length": "2",
    ...extra,
  };
  return new Headers(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== null));
}

function stream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Response(bytes as Uint8Array<ArrayBuffer>).body!;
}

async function bodyVerdict(contentType: string, body: Uint8Array, action = true): Promise<Refusal | null> {
  return checkActionBody(browser({ "content-type": contentType, "next-action": action ? ACTION : null }), stream(body));
}

describe("which requests pass the door at all", () => {
  it("fetch actions (Next-Action) and multipart posts to pages; nothing else", () => {
    expect(isServerActionRequest("POST", "/account/sessions", new Headers({ "next-action": ACTION }))).toBe(true);
    expect(isServerActionRequest("POST", "/login", new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isServerActionRequest("POST", "/api/auth/signout", new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(false);
    expect(isServerActionRequest("POST", "/login", new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    expect(isServerActionRequest("GET", "/login", new Headers({ "next-action": ACTION }))).toBe(false);
  });
});

describe("checkActionHeaders", () => {
  it("lets through what a browser sends from our own pages", () => {
    expect(checkActionHeaders(browser())).toBeNull();
    expect(checkActionHeaders(browser({ "content-type": "text/plain" }))).toBeNull();
    expect(checkActionHeaders(browser({ origin: null }))).toBeNull(); // Sec-Fetch-Site: same-origin alone
    expect(checkActionHeaders(browser({ "sec-fetch-site": null }))).toBeNull(); // an older browser: Origin alone
    // A no-JS form on a no-referrer page (the emailed-link pages): the browser withholds the origin.
    expect(checkActionHeaders(browser({ origin: "null", "next-action": null, "content-type": "multipart/form-data; boundary=x" }))).toBeNull();
    for (const boundary of [
      "----WebKitFormBoundary7MA4YWxkTrZu0gW",
      "----geckoformboundary1f2e3d4c5b6a79880716253443",
      "formdata-undici-0123456789",
      '"quoted:boundary"',
    ]) {
      expect(checkActionHeaders(browser({ "content-type": `multipart/form-data; boundary=${boundary}` })), boundary).toBeNull();
    }
    expect(checkActionHeaders(browser({ "content-length": String(BODY_LIMIT_BYTES) }))).toBeNull();
  });

  it.each<[string, Record<string, string | null>]>([
    ["a cross-site Origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a foreign Origin without Sec-Fetch-Site", { origin: "https://evil.example", "sec-fetch-site": null }],
    ["Origin: null", { origin: "null", "sec-fetch-site": null }],
    ["Origin: null from a cross-site page", { origin: "null", "sec-fetch-site": "cross-site" }],
    ["neither Origin nor Sec-Fetch-Site", { origin: null, "sec-fetch-site": null }],
    ["Sec-Fetch-Site: cross-site with our Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { origin: "http://sub.localhost:3000", "sec-fetch-site": "same-site" }],
    ["another port", { origin: "http://localhost:1", "sec-fetch-site": null }],
    ["an Origin that is not a URL", { origin: "not a url", "sec-fetch-site": null }],
    ["an Origin with a path", { origin: `${APP}/evil` }],
  ])("403 for %s", (_label, headers) => {
    expect(checkActionHeaders(browser(headers))).toMatchObject({ status: 403 });
  });

  it.each([
    "application/json",
    "application/x-www-form-urlencoded",
    "application/xml",
    "application/octet-stream",
    "text/html",
    "image/png",
    "text/plain;charset=utf-16",
    "text/plain; charset=iso-8859-1",
    "multipart/mixed; boundary=x",
    "garbage",
    "",
  ])("415 for Content-Type %j", (type) => {
    expect(checkActionHeaders(browser({ "content-type": type }))).toMatchObject({ status: 415 });
  });

  it("415 with no Content-Type, and for text/plain without Next-Action (a no-JS form is multipart)", () => {
    expect(checkActionHeaders(browser({ "content-type": null }))).toMatchObject({ status: 415 });
    expect(checkActionHeaders(browser({ "next-action": null }))).toMatchObject({ status: 415 });
  });

  it.each([
    "multipart/form-data",
    "multipart/form-data; boundary=",
    `multipart/form-data; boundary=${"b".repeat(71)}`,
    'multipart/form-data; boundary="   "',
    'multipart/form-data; boundary="ends in space "',
    "multipart/form-data; boundary=semi;colon",
  ])("400 for a multipart body without a valid boundary: %j", (type) => {
    const verdict = checkActionHeaders(browser({ "content-type": type }));
    // "semi;colon" is the boundary "semi" and a stray parameter: valid, as a multipart parser reads it.
    expect(verdict).toEqual(type.endsWith("semi;colon") ? null : expect.objectContaining({ status: 400 }));
  });

  it("413 for a declared length over the limit, before the body is read", () => {
    expect(checkActionHeaders(browser({ "content-length": String(BODY_LIMIT_BYTES + 1) }))).toMatchObject({ status: 413 });
    expect(checkActionHeaders(browser({ "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * BODY_LIMIT_BYTES) }))).toMatchObject({
      status: 413,
    });
  });

  it("answers in plain text with no-store", async () => {
    const response = refusalResponse({ status: 403, message: "Cross-site requests are refused." });
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("Cross-site requests are refused.\n");
  });
});

// React's own encoder (what every form in the app runs) and decoder (what Next runs on the server).
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

interface Encoded {
  name: string;
  contentType: string;
  body: Uint8Array;
}

async function encoded(name: string, args: unknown[]): Promise<Encoded> {
  const reply = await encodeReply(args);
  if (typeof reply === "string") return { name, contentType: TEXT, body: new TextEncoder().encode(reply) };
  // The bytes and boundary a browser's fetch would send for this FormData.
  const request = new Request("http://localhost/", { method: "POST", body: reply });
  return { name, contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
}

function decodeWithReact(bodies: { contentType: string; body: Uint8Array }[]): { ok: boolean; error?: string }[] {
  const input = JSON.stringify(bodies.map(({ contentType, body }) => ({ contentType, body: Buffer.from(body).toString("base64") })));
  const script = path.resolve(import.meta.dirname, "../support/decode-reply.mjs");
  const run = spawnSync(process.execPath, ["--conditions=react-server", script], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`decoder failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { ok: boolean; error?: string }[];
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** The shapes of every action argument in the app, plus the plain values React has markers for. */
async function realReplies(): Promise<Encoded[]> {
  const credential = {
    id: "AbC-123_x",
    rawId: "AbC-123_x",
    type: "public-key",
    response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject: "o2NmbXRkbm9uZQ", transports: ["internal", "hybrid"] },
    clientExtensionResults: { credProps: { rk: true } },
    authenticatorAttachment: "platform",
  };
  return Promise.all([
    encoded("sign-in fields", [{ identity: "someone@example.com", password: "pa$$word with $1 and $K1", remember: true, next: "/account" }]),
    encoded("text that starts with $", [{ name: "$1 phone", code: "$@0", next: "$undefined" }]),
    encoded("unicode text", [{ name: "Phone 🔑 ключ \u202e bidi", email: "a\u0000b@example.com" }]),
    encoded("a lone surrogate (the schema refuses it, the door need not)", [{ name: "x\ud800y" }]),
    encoded("unset fields", [{ username: undefined, phone: undefined, password: "" }]),
    encoded("a passkey ceremony answer", [{ state: "ceremony-state", credential, next: "/account" }]),
    encoded("a method name", ["sms"]),
    encoded("no arguments", []),
    encoded("a bound token", ["magic-token"]),
    encoded("plain values React marks", [{ date: new Date(0), big: 12345678901234567890n, negZero: -0, inf: Infinity, negInf: -Infinity, nan: NaN }]),
    encoded("a form's FormData", [form({ id: "session-id" })]),
    encoded("an empty form", [form({})]),
    encoded("a bound token and a form", ["magic-token", form({ method: "email" })]),
    encoded("useActionState's previous state and the form", [null, form({ method: "authenticator" })]),
    encoded("previous form state and the form", [{ tone: "error", message: "Wrong code", fieldErrors: { code: ["Invalid code"] } }, form({ code: "123456" })]),
  ]);
}

describe("checkActionBody with React's own encoder", () => {
  it("lets through every argument shape the app's forms send (and React decodes each)", async () => {
    const replies = await realReplies();
    for (const reply of replies) expect(await bodyVerdict(reply.contentType, reply.body), reply.name).toBeNull();
    expect(decodeWithReact(replies).map((r, i) => `${replies[i]!.name}: ${r.ok ? "ok" : r.error}`)).toEqual(replies.map((r) => `${r.name}: ok`));
  });

  it("refuses every body-only case of the sweep that React's decoder cannot decode (no 500 gets past)", async () => {
    const bodies = hostileActionBodies();
    const decoded = decodeWithReact(bodies);
    const passedButBroken: string[] = [];
    for (const [i, { name, contentType, body }] of bodies.entries()) {
      if ((await bodyVerdict(contentType, body)) === null && !decoded[i]!.ok) passedButBroken.push(`${name}: ${decoded[i]!.error}`);
    }
    expect(passedButBroken).toEqual([]);
    // And the decoder really does choke on most of them (the check above is not vacuous).
    expect(decoded.filter((r) => !r.ok).length).toBeGreaterThan(60);
  }, 60_000);
});

describe("checkActionBody, case by case", () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  it.each<[string, Uint8Array]>([
    ["not JSON", text("hello")],
    ["truncated", text('[{"email":"a@')],
    ["an object, not an argument list", text("{}")],
    ["a string, not an argument list", text('"x"')],
    ["empty", new Uint8Array(0)],
    ["invalid UTF-8", new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d])],
    ["a byte-order mark first", new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d])],
    ["1001 arguments", text(JSON.stringify(Array.from({ length: 1001 }, () => 0)))],
    ["100,000-deep nesting", text(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)],
    ["65-deep nesting", text(`${"[".repeat(65)}${"]".repeat(65)}`)],
    ["65-deep nesting after a string that ends in a backslash", text(JSON.stringify(["a\\", JSON.parse(`${"[".repeat(64)}${"]".repeat(64)}`)]))],
    ["a chunk reference", text('["$1"]')],
    ["a promise reference", text('[{"a":"$@0"}]')],
    ["a Map reference", text('["$Q1"]')],
    ["a server function reference", text('["$h1"]')],
    ["a temporary reference", text('["$T"]')],
    ["a path reference", text('["$0:a:b"]')],
    ["a FormData reference without a multipart body", text('["$K1"]')],
    ["a BigInt that is not a number", text('["$nxyz"]')],
    ["a BigInt of 301 digits", text(`["$n${"9".repeat(301)}"]`)],
    ["a date marker that is not a date", text('["$Dnot-a-date"]')],
    ["a lone $", text('["$"]')],
    ["two strings over React's array budget", text(JSON.stringify(["a".repeat(600_000), "b".repeat(600_000)]))],
  ])("400 for %s (text/plain)", async (_label, body) => {
    expect(await bodyVerdict(TEXT, body)).toMatchObject({ status: 400 });
  });

  it("64-deep nesting, brackets inside strings and a 1 MB string still pass", async () => {
    expect(await bodyVerdict(TEXT, text(`${"[".repeat(64)}${"]".repeat(64)}`))).toBeNull();
    expect(await bodyVerdict(TEXT, text(JSON.stringify([{ name: `say \"${"[{".repeat(500)}` }])))).toBeNull();
    expect(await bodyVerdict(TEXT, text(JSON.stringify([{ name: "a".repeat(1024 * 1024) }])))).toBeNull();
  });

  it("refuses 2 MB of brackets without parsing them (JSON.parse alone takes ~0.5 s)", async () => {
    const started = performance.now();
    expect(await bodyVerdict(TEXT, text(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`))).toMatchObject({ status: 400 });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("413 for a body over the limit that declared no length (chunked)", async () => {
    const big = text(JSON.stringify(["a".repeat(BODY_LIMIT_BYTES)]));
    expect(await checkActionBody(browser({ "content-length": null }), stream(big))).toMatchObject({ status: 413 });
  });

  const MULTIPART = "multipart/form-data; boundary=b0undary";
  const parts = (fields: [string, string][], close = true): Uint8Array =>
    text(
      fields.map(([name, value]) => `--b0undary\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
        (close ? "--b0undary--\r\n" : ""),
    );

  it.each<[string, Uint8Array]>([
    ["no arguments field", parts([["_1_id", "x"]])],
    ["arguments that are not JSON", parts([["0", "["]])],
    ["a missing outlined part", parts([["0", '["$1"]']])],
    ["a Blob reference", parts([["0", '["$B1"]']])],
    ["an unterminated body", parts([["0", '["$K1"]']], false)],
    ["a body that is not multipart", text('["$K1"]')],
  ])("400 for %s (multipart)", async (_label, body) => {
    expect(await bodyVerdict(MULTIPART, body)).toMatchObject({ status: 400 });
  });

  it("a form posted before hydration: plain ids pass; a bound action must name its arguments, which must be plain", async () => {
    expect(
      await bodyVerdict(
        MULTIPART,
        parts([
          [`$ACTION_ID_${ACTION}`, ""],
          ["id", "x"],
        ]),
        false,
      ),
    ).toBeNull();
    const bound = (meta: string, args?: string): Uint8Array =>
      parts([["$ACTION_REF_1", ""], ["$ACTION_1:0", meta], ...(args === undefined ? [] : ([["$ACTION_1:1", args]] as [string, string][]))]);
    expect(await bodyVerdict(MULTIPART, bound(JSON.stringify({ id: ACTION, bound: "$@1" }), '["magic-token"]'), false)).toBeNull();
    expect(await bodyVerdict(MULTIPART, bound(JSON.stringify({ id: ACTION, bound: null })), false)).toBeNull();
    for (const [meta, args] of [
      ["{", undefined],
      [JSON.stringify({ id: ACTION, bound: "$@1" }), undefined],
      [JSON.stringify({ id: ACTION, bound: ["$Q2"] }), undefined],
      [JSON.stringify({ id: "$1", bound: null }), undefined],
      [JSON.stringify({ id: ACTION, bound: "$@1", extra: "$1" }), '["x"]'],
      [JSON.stringify({ id: ACTION, bound: "$@1" }), '["$Q2"]'],
    ] as [string, string | undefined][]) {
      expect(await bodyVerdict(MULTIPART, bound(meta, args), false), meta).toMatchObject({ status: 400 });
    }
  });
});
