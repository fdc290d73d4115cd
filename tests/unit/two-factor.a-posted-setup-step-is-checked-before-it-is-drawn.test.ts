// Guarantee: the step 2 a posted two-step set-up brings back in React's previous state (the
// browser's copy, on a post made without JavaScript) is drawn again only when it is shaped like
// the step the server sent: method, QR code as a PNG data URL, key, URI and address as strings of
// a sensible length. Anything else (`["x"]`, an object where text belongs, a foreign image URL) is
// no step, so the page answers with step 1 instead of a render error and a 500.
import { describe, expect, it } from "vitest";
import { shownSetupIn } from "@/lib/view/two-factor-enrollment";

const enrollment = { qr: "data:image/png;base64,iVBORw0KGgo=", key: "ABCD EFGH", uri: "otpauth://totp/Gatehouse:a@example.com?secret=ABCDEFGH" };
const step = { tone: "info", setup: { setupToken: "tok_123", method: "authenticator", enrollment, sentTo: null } };

describe("shownSetupIn", () => {
  it("gives back the step the server drew, with its token when the form carries one", () => {
    expect(shownSetupIn(step, true)).toEqual(step.setup);
    expect(shownSetupIn(step, false)).toEqual({ method: "authenticator", enrollment, sentTo: null });
    const sms = { setup: { setupToken: "tok_9", method: "sms", enrollment: null, sentTo: "•••• 0000" } };
    expect(shownSetupIn(sms, true)).toEqual(sms.setup);
  });

  it("keeps only the fields a step has", () => {
    const extra = { setup: { ...step.setup, enrollment: { ...enrollment, onload: "x" }, admin: true } };
    expect(shownSetupIn(extra, true)).toEqual(step.setup);
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a string", "x"],
    ["an array", ["x"]],
    ["no setup", { tone: "error" }],
    ["setup as an array", { setup: ["x"] }],
    ["an unknown method", { setup: { ...step.setup, method: "carrier-pigeon" } }],
    ["a key that is an object", { setup: { ...step.setup, enrollment: { ...enrollment, key: {} } } }],
    ["a QR code that is not a PNG data URL", { setup: { ...step.setup, enrollment: { ...enrollment, qr: "https://evil.example/track.png" } } }],
    ["an address that is a number", { setup: { ...step.setup, sentTo: 7 } }],
    ["a huge value", { setup: { ...step.setup, sentTo: "x".repeat(20_000) } }],
    ["__proto__ as the setup", JSON.parse('{"__proto__": {"method": "sms", "enrollment": null, "sentTo": null}}')],
  ])("is no step for %s", (_name, previous) => {
    expect(shownSetupIn(previous, false)).toBeNull();
    expect(shownSetupIn(previous, true)).toBeNull();
  });

  it("needs the setup token where step 2's form posts one", () => {
    const { setupToken: _dropped, ...withoutToken } = step.setup;
    expect(shownSetupIn({ setup: withoutToken }, true)).toBeNull();
    expect(shownSetupIn({ setup: { ...withoutToken, setupToken: 5 } }, true)).toBeNull();
    expect(shownSetupIn({ setup: withoutToken }, false)).toEqual({ method: "authenticator", enrollment, sentTo: null });
  });
});
