// Guarantee: every error code the core can return reaches the user as its own message, in the product's words
// (lib/view/words.ts), and a 4xx (never a 5xx, a blank banner or a lost field error); the alert never repeats a
// field's error; and the sign-in page reads the code back from the JSON exactly as sent.
import { describe, expect, it } from "vitest";
import { isErrorCode, MESSAGES, type ErrorCode, type Failure, type MessageParams } from "@/lib/security/core/errors";
import { failureResponse, failureStatus } from "@/lib/view/failure-response";
import { invalidInput, wordFailure } from "@/lib/view/form-state";
import { configuredParams } from "@/lib/view/message-params";
import { formStateFromJson } from "@/lib/view/form-state-json";
import { textFor as textIn } from "@/lib/view/text";
import { wordsFor } from "@/lib/view/words";

// The English words: the other languages are the catalogue tests' (every key in all five).
const WORDS = wordsFor("en");
const stateFromFailure = (failure: Failure) => wordFailure(failure, "en");
const textFor = (code: ErrorCode, params?: MessageParams) => textIn(code, params, "en");

const CODES = Object.keys(MESSAGES).filter(isErrorCode);

describe("Failure → form state and JSON answer", () => {
  it.each(CODES)("%s has a message and a 4xx status", async (code) => {
    const failure: Failure = { ok: false, code };
    const state = stateFromFailure(failure);
    expect(state).toMatchObject({ tone: "error", code });
    expect(textFor(code).trim()).not.toBe("");
    // A lifetime the message names ({within}) is filled from the settings (lib/view/message-params.ts).
    expect(state?.message?.startsWith(textFor(code, configuredParams(code)))).toBe(true);
    if (configuredParams(code)) expect(state?.message).not.toContain("{within}");
    const status = failureStatus(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const response = await failureResponse(failure);
    expect(response.status).toBe(status);
    expect(formStateFromJson(await response.json())).toEqual(state);
  });

  it("keeps field errors next to their fields, with the banner saying so", async () => {
    const failure: Failure = { ok: false, code: "INVALID_INPUT", fieldErrors: { identity: ["Enter your email"], password: ["Required", "Too short"] } };
    const state = stateFromFailure(failure);
    expect(state).toEqual({ tone: "error", code: "INVALID_INPUT", message: WORDS.INVALID_INPUT, fieldErrors: failure.fieldErrors });
    expect(formStateFromJson(await (await failureResponse(failure)).json())).toEqual(state);
  });

  it("keeps field errors of any other code too, under its own message", () => {
    const state = stateFromFailure({ ok: false, code: "IDENTITY_ALREADY_ASSOCIATED", fieldErrors: { phone: ["Used by another account"] } });
    expect(state?.message).toBe(WORDS.IDENTITY_ALREADY_ASSOCIATED);
    expect(state?.fieldErrors).toEqual({ phone: ["Used by another account"] });
  });

  it("says the core's field errors (the reference's English) in the product's words, and not again in the alert", () => {
    const state = stateFromFailure({ ok: false, code: "INVALID_PASSWORD", fieldErrors: { password: [MESSAGES.INVALID_PASSWORD] } });
    expect(state).toEqual({ tone: "error", code: "INVALID_PASSWORD", fieldErrors: { password: [WORDS.INVALID_PASSWORD] } });
    const length = stateFromFailure({
      ok: false,
      code: "PASSWORD_INVALID_LENGTH",
      params: { min: 12, max: 128 },
      fieldErrors: { newPassword: ["Password must be between 12 and 128 characters"] },
    });
    expect(length?.fieldErrors).toEqual({ newPassword: ["Use between 12 and 128 characters."] });
    expect(length?.message).toBeUndefined();
  });

  it('puts the form\'s own errors (under "") in the alert, once', () => {
    const state = stateFromFailure({ ok: false, code: "INVALID_INPUT", fieldErrors: { "": ["Email not provided"] } });
    expect(state).toEqual({ tone: "error", code: "INVALID_INPUT", message: `${WORDS.INVALID_INPUT} ${WORDS.EMAIL_NOT_PROVIDED}` });
    const same = stateFromFailure({ ok: false, code: "FAILED_TO_SEND_CODE", fieldErrors: { "": [MESSAGES.FAILED_TO_SEND_CODE] } });
    expect(same?.message).toBe(WORDS.FAILED_TO_SEND_CODE);
  });

  it("a schema's rejection is an INVALID_INPUT failure with the fields zod named", () => {
    expect(
      invalidInput({
        issues: [
          { path: ["identity"], message: "Required" },
          { path: [], message: "Bad form" },
        ],
      }),
    ).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { identity: ["Required"], "": ["Bad form"] },
    });
  });

  it("fills a message's placeholders from the failure's params", () => {
    const state = stateFromFailure({ ok: false, code: "PASSWORD_INVALID_LENGTH", params: { min: 12, max: 128 } });
    expect(state?.message).toBe("Use between 12 and 128 characters.");
  });

  it("a rate limit is 429 with Retry-After and says when to try again", async () => {
    const response = await failureResponse({ ok: false, code: "RATE_LIMITED", retryAfter: 90 }, { "Cache-Control": "private, no-store" });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("90");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(formStateFromJson(await response.json())?.message).toBe("Too many attempts. Try again in 2 minutes.");
  });

  it("missing sign-in, stale sign-in and missing rights answer 401, 401 and 403", () => {
    expect([failureStatus("UNAUTHENTICATED"), failureStatus("REAUTHENTICATION_REQUIRED"), failureStatus("UNAUTHORIZED")]).toEqual([401, 401, 403]);
  });
});

describe("reading a form state back from JSON", () => {
  it("refuses what is not one, and drops a code that is not ours", () => {
    for (const body of [null, "Bad gateway", [], { message: "x" }, { tone: "shouting", message: "x" }]) expect(formStateFromJson(body)).toBeNull();
    expect(formStateFromJson({ tone: "error", message: "x", code: "NOT_A_CODE", fieldErrors: { a: ["ok", 5] } })).toEqual({
      tone: "error",
      message: "x",
      fieldErrors: { a: ["ok"] },
    });
  });
});
