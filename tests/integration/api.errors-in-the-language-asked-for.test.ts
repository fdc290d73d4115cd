// Promise: the JSON API keeps Flask-Security's English `errors` and its stable `code` for a client
// that asks for no language (or for English), and answers in the asked-for language otherwise —
// form-level and per-field errors alike — with the same code and status (decision 070).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, uniqueEmail } = await import("../support/flows");
const { messageFor } = await import("@/lib/security/core/errors");
const { CATALOGUES } = await import("@/lib/i18n/catalogues");
const loginRoute = await import("@/app/api/security/login/route");

type Failure = { code: string; errors: string[]; field_errors: Record<string, string[]> };

let email: string;
beforeAll(async () => {
  email = (await registerConfirmed(uniqueEmail("api-lang"))).email;
});

async function wrongPassword(headers: Record<string, string>) {
  const answer = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", {
    json: { email, password: "certainly not the password" },
    headers,
    documented: false,
  });
  return { status: answer.status, body: (answer.body as unknown as { response: Failure }).response };
}

describe("the API's errors", () => {
  it("are Flask-Security's English without Accept-Language, and for English", async () => {
    for (const headers of [{}, { "accept-language": "en-GB,en;q=0.9" }, { "accept-language": "ja" }] as Record<string, string>[]) {
      const { status, body } = await wrongPassword(headers);
      expect(status).toBe(400);
      expect(body.errors).toEqual([messageFor(body.code as never, {})]);
    }
  });

  it.each(["de", "fr", "es", "ar"] as const)("are in %s when the request asks for it, with the same code", async (locale) => {
    // An account of its own: failed sign-ins of one account are budgeted.
    email = (await registerConfirmed(uniqueEmail(`api-lang-${locale}`))).email;
    const english = await wrongPassword({});
    const { status, body } = await wrongPassword({ "accept-language": `${locale};q=0.9, en;q=0.5` });
    expect(status).toBe(english.status);
    expect(body.code).toBe(english.body.code);
    expect(body.errors).toEqual([(CATALOGUES[locale].errors as Record<string, string>)[body.code]]);
    expect(body.field_errors[""]).toEqual(body.errors);
  });

  it("words a field's error in the asked-for language, under the reference's field name", async () => {
    const answer = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", {
      json: { email },
      headers: { "accept-language": "de" },
      documented: false,
    });
    expect(answer.status).toBe(400);
    const body = (answer.body as unknown as { response: Failure }).response;
    expect(body.field_errors.password).toEqual([(CATALOGUES.de.errors as Record<string, string>).PASSWORD_NOT_PROVIDED]);
  });
});
