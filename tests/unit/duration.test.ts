import { describe, expect, it } from "vitest";
import { humanizeDuration, parseDuration } from "@/lib/security/config/duration";

describe("durations", () => {
  it("parses units and rejects garbage", () => {
    expect(parseDuration("90")).toBe(90);
    expect(parseDuration("30m")).toBe(1800);
    expect(parseDuration("2d")).toBe(172_800);
    expect(parseDuration("1.5h")).toBeNull();
    expect(parseDuration("-1")).toBeNull();
  });
  it("humanizes like the reference", () => {
    expect(humanizeDuration(172_800)).toBe("2 days");
    expect(humanizeDuration(5400)).toBe("1 hour and 30 minutes");
    expect(humanizeDuration(67)).toBe("1 minute and 7 seconds");
  });
});
