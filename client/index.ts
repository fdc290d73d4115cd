import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/**
 * Gatehouse's typed API client for single-page and mobile apps: openapi-fetch over the types
 * that openapi-typescript generates from the OpenAPI document (client/schema.d.ts, `npm run
 * api:client`). Every path, body and answer is typed; the client keeps the auth and refresh
 * tokens the API hands out and sends the auth token on each call.
 *
 *   const gh = createGatehouseClient({ baseUrl: "https://app.example.com" });
 *   await gh.api.POST("/api/security/login", { params: { query: { include_auth_token: "" } }, body: { email, password } });
 *   const me = await gh.api.GET("/api/me");
 *   await gh.refresh();
 */
/** @public the schemas' types, for an app's own code. */
export type { components } from "./schema";
export type { paths } from "./schema";

export interface TokenStore {
  authToken: string | null;
  refreshToken: string | null;
}

export interface GatehouseClient {
  api: Client<paths>;
  tokens: TokenStore;
  /**
   * Exchanges the refresh token for new tokens. Calls made while one is under way share it: two
   * exchanges of one refresh token are a replay, which ends the whole family (docs/api.md).
   */
  refresh(): Promise<boolean>;
  /** Signs out: ends the session or auth token and the refresh token's family, and forgets both tokens. */
  logout(): Promise<boolean>;
}

export interface GatehouseClientOptions {
  baseUrl: string;
  /** A fetch of your own (e.g. cookieJarFetch() outside a browser, so the pending two-factor sign-in's cookie is kept). */
  fetch?: (input: Request) => Promise<Response>;
  /** SECURITY_TOKEN_AUTHENTICATION_HEADER, when the server names it otherwise. */
  tokenHeader?: string;
  tokens?: TokenStore;
}

type Answer = { response?: { user?: { authentication_token?: string; refresh_token?: string } } };

export function createGatehouseClient(options: GatehouseClientOptions): GatehouseClient {
  const tokens: TokenStore = options.tokens ?? { authToken: null, refreshToken: null };
  const header = options.tokenHeader ?? "Authentication-Token";
  const api = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const keepTokens: Middleware = {
    onRequest({ request }) {
      if (tokens.authToken && !request.headers.has(header)) request.headers.set(header, tokens.authToken);
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok || !response.headers.get("content-type")?.includes("json")) return response;
      const user = ((await response.clone().json()) as Answer).response?.user;
      if (user?.authentication_token) tokens.authToken = user.authentication_token;
      if (user?.refresh_token) tokens.refreshToken = user.refresh_token;
      return response;
    },
  };
  api.use(keepTokens);

  let inFlight: Promise<boolean> | null = null;
  const refresh = (): Promise<boolean> => {
    inFlight ??= (async () => {
      // In cookie mode the body's token is absent and the cookie speaks for it.
      const body = tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {};
      const { response } = await api.POST("/api/security/refresh-token", { body });
      if (!response.ok) tokens.authToken = tokens.refreshToken = null;
      return response.ok;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  const logout = async (): Promise<boolean> => {
    const body = tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {};
    const { response } = await api.POST("/api/security/logout", { body });
    tokens.authToken = tokens.refreshToken = null;
    return response.ok;
  };
  return { api, tokens, refresh, logout };
}

/**
 * A fetch with a cookie jar of its own, for clients outside a browser (Node, tests): the API keeps
 * a pending two-factor sign-in in a cookie, as Flask-Security keeps it in its session. One origin;
 * a cookie set empty or with Max-Age=0 is dropped.
 */
export function cookieJarFetch(base: typeof fetch = fetch): (input: Request) => Promise<Response> {
  const jar = new Map<string, string>();
  return async (input) => {
    const request = new Request(input);
    if (jar.size) request.headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await base(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}
