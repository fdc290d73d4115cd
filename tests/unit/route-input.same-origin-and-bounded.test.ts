// Threat: a cross-site page posts our sign-in form (login CSRF: the victim ends up in the
// attacker's account), or a client sends a body that is huge, malformed or of the wrong type.
import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/security/config";
import { isSameOriginRequest, readRouteBody, ROUTE_BODY_LIMIT_BYTES } from "@/lib/security/core/route-input";

const APP = "http://localhost:3000";

afterEach(() => {
  delete process.env.APP_URL;
  resetConfig();
});

function headers(values: Record<string, string>): Headers {
  process.env.APP_URL = APP;
  resetConfig();
  return new Headers(values);
}

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin, or the origin of the host the request was sent to", () => {
    expect(isSameOriginRequest(headers({ origin: APP }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: APP, "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://app.example", host: "app.example" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://app.example", host: "internal:3000", "x-forwarded-host": "app.example" }))).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    // A form on one of our no-referrer pages: the browser sends Origin: null but says same-origin.
    expect(isSameOriginRequest(headers({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses other sites, look-alikes, opaque and missing origins", () => {
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "http://localhost:3000.evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "not a url" }))).toBe(false);
    // A browser sends a bare origin; one with a path or a trailing slash was written by something else.
    expect(isSameOriginRequest(headers({ origin: `${APP}/evil` }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: `${APP}/` }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "localhost:3000" }))).toBe(false);
  });

  it("believes Sec-Fetch-Site over a matching Origin", () => {
    expect(isSameOriginRequest(headers({ origin: APP, "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: APP, "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: APP, "sec-fetch-site": "none" }))).toBe(false);
  });
});

function request(body: BodyInit | null, type: string | null, extra: Record<string, string> = {}): Request {
  return new Request(`${APP}/login/session`, {
    method: "POST",
    body,
    headers: { ...(type ? { "content-type": type } : {}), ...extra },
    // A streamed body (no Content-Length) needs half-duplex in Node's fetch.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe("readRouteBody", () => {
  it("reads a JSON object and a URL-encoded form", async () => {
    expect(await readRouteBody(request('{"identity":"a@b.c","remember":true}', "application/json; charset=utf-8"))).toEqual({
      ok: true,
      kind: "json",
      fields: { identity: "a@b.c", remember: true },
    });
    expect(await readRouteBody(request("identity=a%40b.c&remember=on&next=%2Faccount", "application/x-www-form-urlencoded"))).toEqual({
      ok: true,
      kind: "form",
      fields: { identity: "a@b.c", remember: "on", next: "/account" },
    });
  });

  it("answers other content types with 415, broken or non-object JSON with 400", async () => {
    expect(await readRouteBody(request("x", "text/plain"))).toMatchObject({ ok: false, status: 415 });
    expect(await readRouteBody(request("x", null))).toMatchObject({ ok: false, status: 415 });
    expect(await readRouteBody(request("{", "application/json"))).toMatchObject({ ok: false, status: 400 });
    for (const body of ["[]", "null", "42", '"text"']) {
      expect(await readRouteBody(request(body, "application/json"))).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("refuses a body over the limit, declared or streamed without a length", async () => {
    const big = "x".repeat(ROUTE_BODY_LIMIT_BYTES + 1);
    expect(await readRouteBody(request(JSON.stringify({ identity: big }), "application/json"))).toMatchObject({ ok: false, status: 413 });
    const chunk = new Uint8Array(256 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > ROUTE_BODY_LIMIT_BYTES * 4) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect(await readRouteBody(request(stream, "application/json"))).toMatchObject({ ok: false, status: 413 });
    // It stopped reading soon after the limit instead of buffering the whole stream.
    expect(sent).toBeLessThan(ROUTE_BODY_LIMIT_BYTES * 2);
  });
});
