// Guarantee: an unreachable database (refused, reset, timed out, shutting down, starting up) is told
// apart from a bug, so the request gets a 503 with Retry-After — and a real bug still is a 500.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/observability/database-errors";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "57P01", "57P03", "08006", "53300"])(
    "%s is the database being unreachable",
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    },
  );

  it("looks through drizzle's wrapper (Failed query … cause)", () => {
    const wrapped = new Error("Failed query: select 1", { cause: withCode("ECONNREFUSED") });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it.each(["23505", "42P01", "22P02", "40001"])("%s (a query or data error) is not", (code) => {
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode(code) }))).toBe(false);
  });

  it("a plain bug is not", () => {
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
