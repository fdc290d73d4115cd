// Threat: HSTS baked in (or left out) at build time — a build made without APP_URL serves an
// https production site with no HSTS, or an http staging host pins HSTS. Guarantee: the running
// instance's configuration decides, on every response the proxy handles.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { jsonAnswer } from "@/lib/api/envelope";
import { resetConfig } from "@/lib/security/config";
import { POST as signInForm } from "@/app/(auth)/login/session/route";
import { proxy } from "@/proxy";

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app@db.example.com/app",
  AUTH_SECRET: "x".repeat(32),
  RESEND_API_KEY: "re_test_key",
};
const saved = { ...process.env };

async function run(env: Record<string, string>, path = "/login", init?: ConstructorParameters<typeof NextRequest>[1]): Promise<Headers> {
  for (const [k, v] of Object.entries(env)) (process.env as Record<string, string>)[k] = v;
  resetConfig();
  return (await proxy(new NextRequest(`http://localhost${path}`, init))).headers;
}

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetConfig();
});

describe("Strict-Transport-Security", () => {
  it("is sent by a production instance on an https APP_URL, also on redirects to sign in and on server actions refused at the door", async () => {
    expect((await run({ ...PRODUCTION, APP_URL: "https://app.example.com" })).get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect((await run({ ...PRODUCTION, APP_URL: "https://app.example.com" }, "/account")).get("strict-transport-security")).toMatch(/max-age=/);
    const forged = { method: "POST", headers: { "next-action": "7f".repeat(21), origin: "https://evil.example" }, body: "[]" };
    expect((await run({ ...PRODUCTION, APP_URL: "https://app.example.com" }, "/login", forged)).get("strict-transport-security")).toMatch(/max-age=/);
  });
  it("is sent on the answers the proxy skips: the JSON API's envelope and the sign-in form's endpoint", async () => {
    await run({ ...PRODUCTION, APP_URL: "https://app.example.com" });
    expect(jsonAnswer(200, {}).headers.get("strict-transport-security")).toMatch(/max-age=/);
    const crossSite = new NextRequest("https://app.example.com/login/session", { method: "POST", headers: { origin: "https://evil.example" }, body: "{}" });
    const refused = await signInForm(crossSite);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    await run({ NODE_ENV: "development", APP_URL: "https://app.example.com" });
    expect(jsonAnswer(200, {}).headers.get("strict-transport-security")).toBeNull();
  });
  it("is not sent by the same code on http (allowed explicitly) or outside production", async () => {
    expect((await run({ ...PRODUCTION, APP_URL: "http://10.0.0.5", SECURITY_ALLOW_INSECURE_APP_URL: "true" })).get("strict-transport-security")).toBeNull();
    expect((await run({ NODE_ENV: "development", APP_URL: "https://app.example.com" })).get("strict-transport-security")).toBeNull();
  });
});
