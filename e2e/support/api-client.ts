// The typed client (client/index.ts) as an SPA or mobile app would use it, from the test runner's
// Node side: its own cookie jar (the pending two-factor sign-in lives in a cookie), its own client
// address, and every token it is handed recorded for the run's log check.
import type { APIRequestContext } from "@playwright/test";
import { cookieJarFetch, createGatehouseClient, type GatehouseClient } from "../../client";
import { expect, latestEmail, linkFrom, randomIp } from "./fixtures";
import { recordSecret } from "./secrets";

/** A client of `origin`; `headersFor` adds headers per request (the load balancer's instance pin). */
export function apiClientFor(origin: string, headersFor: (request: Request) => Record<string, string> = () => ({})): GatehouseClient {
  const ip = randomIp();
  const withHeaders = (request: Request): Promise<Response> => {
    const headers = new Headers(request.headers);
    headers.set("x-forwarded-for", ip);
    for (const [name, value] of Object.entries(headersFor(request))) headers.set(name, value);
    return fetch(new Request(request, { headers }));
  };
  const client = createGatehouseClient({ baseUrl: origin, fetch: cookieJarFetch(withHeaders as typeof fetch) });
  client.api.use({
    async onResponse({ response }) {
      if (response.headers.get("content-type")?.includes("json")) {
        const user = ((await response.clone().json()) as { response?: { user?: Record<string, unknown> } }).response?.user;
        for (const key of ["authentication_token", "refresh_token"]) if (typeof user?.[key] === "string") recordSecret("api-token", user[key] as string);
      }
      return response;
    },
  });
  return client;
}

/** Registers through the API and confirms with the emailed link's token, through the API too. */
export async function registerThroughApi(client: GatehouseClient, request: APIRequestContext, email: string, password: string): Promise<void> {
  const registered = await client.api.POST("/api/security/register", { body: { email, password, password_confirm: password } });
  expect(registered.response.status, JSON.stringify(registered.error)).toBe(200);
  const mail = await latestEmail(request, email, "Gatehouse: Welcome");
  const token = linkFrom(mail.text, "/confirm/").split("/").pop()!;
  const confirmed = await client.api.POST("/api/security/confirm/{token}", { params: { path: { token } } });
  expect(confirmed.response.status, JSON.stringify(confirmed.error)).toBe(200);
}
