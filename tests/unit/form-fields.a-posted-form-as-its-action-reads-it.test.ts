// Guarantee: a form the browser posted itself (before hydration, or without JavaScript) reaches
// its action as the same fields object the scripted form sends: text values by name, never React's
// own `$ACTION_…` entries, a file, or a second value that overrides the first; anything that is not
// FormData is no fields (the schema then reports them missing), never a TypeError. What a refused
// form gets back is only the named fields, of a sensible length.
import { describe, expect, it } from "vitest";
import { formFields, keepingFields, type FormState } from "@/lib/view/form-state";

function posted(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("formFields", () => {
  it("reads each text field by name, as the scripted form sends them", () => {
    expect(
      formFields(
        posted([
          ["email", "a@example.com"],
          ["password", "pässwörd 🔑"],
          ["remember", "on"],
        ]),
      ),
    ).toEqual({
      email: "a@example.com",
      password: "pässwörd 🔑",
      remember: "on",
    });
  });

  it("leaves out React's action entries and files", () => {
    const fields = formFields(
      posted([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
        ["$ACTION_KEY", "k1"],
        ["code", "123456"],
        ["avatar", new Blob(["x"])],
      ]),
    );
    expect(fields).toEqual({ code: "123456" });
  });

  it("keeps the first of a repeated name: a second field cannot override the first", () => {
    expect(
      formFields(
        posted([
          ["setupToken", "mine"],
          ["setupToken", "another"],
        ]),
      ),
    ).toEqual({ setupToken: "mine" });
  });

  it("a field named like an object's own machinery is only a field", () => {
    const fields = formFields(
      posted([
        ["__proto__", "x"],
        ["constructor", "y"],
      ]),
    );
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields).sort()).toEqual(["__proto__", "constructor"]);
    expect(fields.constructor).toBe("y");
  });

  it.each([undefined, null, "email=a@example.com", 42, {}, [["email", "a"]]])("anything but FormData (%j) is no fields", (input) => {
    expect(formFields(input)).toEqual({});
  });
});

describe("keepingFields", () => {
  const fields = { email: "a@example.com", password: "secret words", method: "sms" };

  it("gives a failed answer back the named fields only, never the others (a password)", () => {
    expect(keepingFields({ tone: "error", message: "No." }, fields, ["email", "method", "phone"])).toEqual({
      tone: "error",
      message: "No.",
      values: { email: "a@example.com", method: "sms" },
    });
  });

  it("leaves out a value too long to be an address or a number, so a huge refused value is not sent back", () => {
    const huge = { email: `${"a".repeat(2_000_000)}@example.com`, phone: "+44 20 7946 0000" };
    expect(keepingFields({ tone: "error", message: "No." }, huge, ["email", "phone"])).toEqual({
      tone: "error",
      message: "No.",
      values: { phone: "+44 20 7946 0000" },
    });
    const longest = { email: `${"a".repeat(308)}@example.com` }; // 320 characters: kept
    expect(keepingFields<FormState>({ tone: "error" }, longest, ["email"])?.values).toEqual(longest);
  });

  it("leaves a success, a notice and no answer as they are", () => {
    expect(keepingFields({ tone: "success", message: "Sent." }, fields, ["email"])).toEqual({ tone: "success", message: "Sent." });
    expect(keepingFields({ tone: "info" }, fields, ["email"])).toEqual({ tone: "info" });
    expect(keepingFields(null, fields, ["email"])).toBeNull();
  });
});
