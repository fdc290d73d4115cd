import { BODY_LIMIT_BYTES, declaresTooLarge, isSameOriginRequest, readBytesWithin } from "./request-checks";

/**
 * The door for server actions, called by proxy.ts. Next.js decodes a server action's request
 * before any Gatehouse code runs, and whatever it cannot decode — a cross-site origin, a content
 * type no form sends, a body React's encoder never writes — becomes a 500 with a stack trace in the
 * log. Here those get a 4xx and a one-line message instead (docs/decisions/010):
 *   - from the headers alone: cross-site, `Origin: null` or no origin at all → 403; a content type
 *     a React form never sends → 415; multipart without a valid boundary → 400; a declared length
 *     over the limit → 413;
 *   - from the body (already buffered by Next for the proxy, at most 2 MB read here): over the
 *     limit → 413; not UTF-8, not JSON, not an argument array, nested deeper than any form, or a
 *     `$` reference other than the plain values React's encoder writes → 400.
 * Pages and actions still validate their input; this only keeps Next's decoder from seeing what
 * it would choke on.
 */

export interface Refusal {
  status: 400 | 403 | 413 | 415;
  message: string;
}

/** Next.js: more arguments than this is an error thrown before the action runs. */
const MAX_ARGUMENTS = 1000;
/** Far deeper than any form's value (a passkey credential is 4 levels); React's decoder recurses per level. */
const MAX_DEPTH = 64;
/** React's reply decoder: array slots plus string lengths under one root array (its `arraySizeLimit`). */
const MAX_ARRAY_UNITS = 1_000_000;
/** React's reply decoder refuses a BigInt with more digits. */
const MAX_BIGINT_DIGITS = 300;
// The characters of JSON text that open and close strings and containers.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

// What React's encoder (processReply) writes for plain values that JSON cannot hold. Any other
// string starting with "$" is a reference to another part of the request (a promise, a Map, a
// server function, a stream…), which no form in this app sends and which Next answers with a 500
// when it is forged. A string that really starts with "$" arrives escaped as "$$…".
const PLAIN_VALUE_MARKERS = new Set(["$undefined", "$-0", "$Infinity", "$-Infinity", "$NaN"]);
const DATE_MARKER = /^\$D[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const BIGINT_MARKER = new RegExp(`^\\$n-?\\d{1,${MAX_BIGINT_DIGITS}}$`);
// A FormData argument (a form's fields): only inside a multipart body, where its fields travel.
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]{1,8}$/;
const BOUND_ARGUMENTS_REFERENCE = /^\$@([0-9a-f]{1,8})$/;

const CROSS_SITE: Refusal = { status: 403, message: "Cross-site requests are refused." };
const TOO_LARGE: Refusal = { status: 413, message: "The request is too large." };
const TOO_DEEP: Refusal = { status: 400, message: "The request is nested too deeply." };

/** A POST that Next.js would try to run as a server action: a fetch action, or a form posted before hydration. */
export function isServerActionRequest(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  // Route handlers under /api/ read their own bodies; Next only looks for actions on pages.
  return contentType(headers).type === "multipart/form-data" && !pathname.startsWith("/api/");
}

/** What the request line and headers alone decide. */
export function checkActionHeaders(headers: Headers): Refusal | null {
  if (!isSameOriginRequest(headers)) return CROSS_SITE;
  const { type, params } = contentType(headers);
  if (type === "multipart/form-data") {
    if (!isValidBoundary(params.get("boundary"))) return { status: 400, message: "A multipart body needs a valid boundary." };
  } else if (!headers.has("next-action") || type !== "text/plain" || !isUtf8Charset(params.get("charset"))) {
    return { status: 415, message: "Server actions take text/plain (UTF-8) or multipart/form-data." };
  }
  return declaresTooLarge(headers) ? TOO_LARGE : null;
}

/** What only the body shows: call after checkActionHeaders passed. */
export async function checkActionBody(headers: Headers, body: ReadableStream<Uint8Array> | null): Promise<Refusal | null> {
  const bytes = await readBytesWithin(body, BODY_LIMIT_BYTES);
  if (bytes === null) return TOO_LARGE;
  if (contentType(headers).type === "text/plain") {
    // Before decoding or parsing: refusing 2 MB of brackets then costs a scan, not a parse.
    if (nestsDeeperThan(bytes, MAX_DEPTH)) return TOO_DEEP;
    let text: string;
    try {
      // ignoreBOM: a leading BOM stays in the text (and fails JSON below), as Next would read it.
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return bad("The request body is not valid UTF-8.");
    }
    return argumentsProblem(text, false);
  }
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": headers.get("content-type")! } }).formData();
  } catch {
    return bad("The request body is not a valid multipart form.");
  }
  if (!headers.has("next-action")) return formPostProblem(form);
  const root = form.get("0");
  return typeof root === "string" ? textArgumentsProblem(root, true) : bad("The request has no arguments.");
}

export function refusalResponse(refusal: Refusal): Response {
  return new Response(`${refusal.message}\n`, {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function bad(message: string): Refusal {
  return { status: 400, message };
}

function contentType(headers: Headers): { type: string; params: Map<string, string> } {
  const [type = "", ...rest] = (headers.get("content-type") ?? "").split(";");
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf("=");
    if (eq < 0) continue;
    const value = param.slice(eq + 1).trim();
    params.set(param.slice(0, eq).trim().toLowerCase(), value.startsWith('"') && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value);
  }
  return { type: type.trim().toLowerCase(), params };
}

/** RFC 2046: 1–70 characters from a small set, not ending in a space (browsers send ~40). */
function isValidBoundary(boundary: string | undefined): boolean {
  return boundary !== undefined && /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary);
}

function isUtf8Charset(charset: string | undefined): boolean {
  return charset === undefined || /^utf-?8$/i.test(charset);
}

function isPlainValueMarker(value: string): boolean {
  return value.startsWith("$$") || PLAIN_VALUE_MARKERS.has(value) || DATE_MARKER.test(value) || BIGINT_MARKER.test(value);
}

interface ArrayContext {
  units: number;
  forked: boolean;
}

/**
 * A server action's arguments as React encodes them: a JSON array of plain values (and, in a
 * multipart body, FormData references). Walked without recursion, so no nesting can overflow it.
 */
function argumentsProblem(text: string, formData: boolean): Refusal | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return bad("The request body is not valid JSON.");
  }
  if (!Array.isArray(root)) return bad("A server action's arguments are a JSON array.");
  if (root.length > MAX_ARGUMENTS) return bad("Too many arguments.");
  const stack: [value: unknown, depth: number, context: ArrayContext | null][] = [[root, 1, null]];
  const contexts: ArrayContext[] = [];
  while (stack.length) {
    const [value, depth, context] = stack.pop()!;
    if (typeof value === "string") {
      if (value.startsWith("$") && !isPlainValueMarker(value) && !(formData && FORM_DATA_REFERENCE.test(value))) {
        return bad("The request refers to data it does not contain.");
      }
      if (context) context.units += value.length;
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_DEPTH) return TOO_DEEP;
    if (Array.isArray(value)) {
      // Arrays share their outermost array's budget; an object starts afresh (as in React's decoder).
      const shared = context ?? { units: 0, forked: false };
      if (!context) contexts.push(shared);
      shared.units += value.length + 1;
      if (value.length > 1) shared.forked = true;
      for (const child of value) stack.push([child, depth + 1, shared]);
    } else {
      for (const child of Object.values(value)) stack.push([child, depth + 1, null]);
    }
  }
  if (contexts.some((c) => c.forked && c.units > MAX_ARRAY_UNITS)) return bad("The request's arrays are too large.");
  return null;
}

/** The same for arguments that arrive as a form field (already text). */
function textArgumentsProblem(text: string, formData: boolean): Refusal | null {
  return nestsDeeperThan(new TextEncoder().encode(text), MAX_DEPTH) ? TOO_DEEP : argumentsProblem(text, formData);
}

/**
 * Whether JSON nests deeper than `max`, told from its bytes without parsing it: a 2 MB body of
 * brackets keeps JSON.parse busy for ~0.5 s, this stops at the 65th. (In UTF-8 no byte of a
 * multi-byte character is a quote or a bracket, so bytes can be scanned as they are.)
 */
function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === QUOTE) i = closingQuote(json, i);
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** Where the string opened at `open` ends: the next quote not escaped by an odd run of backslashes. */
function closingQuote(json: Uint8Array, open: number): number {
  let at = open;
  for (;;) {
    at = json.indexOf(QUOTE, at + 1);
    if (at < 0) return json.length;
    let slashes = 0;
    while (json[at - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

/**
 * A form posted before hydration names its action in the body: `$ACTION_ID_<id>` (Next checks the
 * id), or `$ACTION_REF_<n>` with `{ id, bound }` in `$ACTION_<n>:0` and the bound arguments in the
 * part `bound` points to — which must be there and be plain values.
 */
function formPostProblem(form: FormData): Refusal | null {
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    let meta: unknown;
    try {
      meta = JSON.parse(String(form.get(`${prefix}0`)));
    } catch {
      return bad("The form names its action in a broken way.");
    }
    if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return bad("The form names its action in a broken way.");
    const { id, bound, ...rest } = meta as Record<string, unknown>;
    if (typeof id !== "string" || id.startsWith("$") || Object.keys(rest).length) return bad("The form names its action in a broken way.");
    if (bound === null) continue;
    const part = typeof bound === "string" ? BOUND_ARGUMENTS_REFERENCE.exec(bound) : null;
    if (!part) return bad("The form names its action in a broken way.");
    const args = form.get(`${prefix}${parseInt(part[1]!, 16)}`);
    if (typeof args !== "string") return bad("The request refers to data it does not contain.");
    const problem = textArgumentsProblem(args, false);
    if (problem) return problem;
  }
  return null;
}
