// Guarantee: only real, dialable numbers are stored, always in one form (E.164), so the same phone
// typed two ways is one phone; and a masked number shows its owner enough to recognise it, no more.
import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone } from "@/lib/security/accounts/phone";

describe("normalizePhone", () => {
  it.each([
    ["+1 415 555 0132", undefined, "+14155550132"],
    ["+1 415 555 0132", "GB", "+14155550132"],
    ["(415) 555-0132", "US", "+14155550132"],
    ["  415.555.0132 ", "US", "+14155550132"],
    ["020 7946 0018", "GB", "+442079460018"],
    ["+44 20 7946 0018", "US", "+442079460018"],
  ])("%j (region %s) → %s", (input, region, expected) => {
    expect(normalizePhone(input, region)).toBe(expected);
  });

  it("reads a national number in the given region, not another", () => {
    expect(normalizePhone("020 7946 0018", "US")).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["punctuation", "()--+ .."],
    ["letters", "call me maybe"],
    ["letters mixed in", "+1 415 5S5 O132"],
    ["country code only", "+1"],
    ["too short", "+1 415"],
    ["too long", "+1 415 555 0132 0132 0132"],
    ["70 digits", "1".repeat(70)],
    ["70 characters of a valid number padded", `+1 415 555 0132${" ".repeat(55)}`],
    ["script", "<script>alert(1)</script>"],
  ])("rejects %s", (_label, input) => {
    expect(normalizePhone(input, "US")).toBeNull();
  });

  it("rejects a non-string at run time", () => {
    expect(normalizePhone(null as unknown as string, "US")).toBeNull();
    expect(normalizePhone(14155550132 as unknown as string, "US")).toBeNull();
  });
});

describe("maskPhone", () => {
  it("keeps only the country prefix and the last 4 digits", () => {
    const masked = maskPhone("+14155550132");
    expect(masked.startsWith("+1")).toBe(true);
    expect(masked.endsWith("0132")).toBe(true);
    expect(masked).not.toContain("415");
    expect(masked).not.toContain("555");
    expect(masked.replace(/\D/g, "")).toBe("10132");
  });

  it("does not leak the middle of a longer international number", () => {
    const masked = maskPhone("+442079460018");
    expect(masked.endsWith("0018")).toBe(true);
    expect(masked).not.toContain("7946");
    expect(masked).not.toContain("2079");
  });
});
