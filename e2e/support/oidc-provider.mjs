// A real OpenID Connect provider for the e2e run (the npm package oidc-provider), started by
// playwright.config.ts beside the app. Its sign-in page is ours (interactions), made for tests:
// a form with the subject, the email and whether the provider has verified it, plus "Cancel" (the
// user's access_denied) and "Fail" (a provider error). Each sign-in there sets the subject's claims;
// grants are given without a consent page (a first-party client).
//
// OIDC_PORT (default E2E_PORT + 49), E2E_PORT (the app; +28 and +29 are the OAuth spec's instances),
// OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (the app's AUTH_OIDC_ID / AUTH_OIDC_SECRET).
import { createServer } from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 49);
const appPort = Number(process.env.E2E_PORT ?? 3100);
const client = { id: process.env.OIDC_CLIENT_ID ?? "gatehouse-e2e", secret: process.env.OIDC_CLIENT_SECRET ?? "gatehouse-e2e-client-secret-0001" };

// The suite's app, and e2e/oauth.spec.ts's own instances (E2E_PORT + 28, + 29).
const redirectUris = [appPort, appPort + 28, appPort + 29].map((p) => `http://localhost:${p}/api/auth/callback/oidc`);

/**
 * The claims each subject signed in with last (the account id is the subject: oidc-provider makes
 * it the token's `sub`). Kept in this process only: it is a test provider.
 */
const accounts = new Map();

function claimsOf(accountId) {
  const account = accounts.get(accountId);
  return account ? { sub: accountId, email: account.email, email_verified: account.verified } : null;
}

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"] },
  scopes: ["openid", "email", "profile"],
  pkce: { required: () => true },
  cookies: { keys: ["oidc-e2e-cookie-key-0001"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const claims = claimsOf(id);
    if (!claims) return undefined;
    return { accountId: id, claims: async () => claims };
  },
  // No consent page: every scope the client asks for is granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

function page(uid) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test ID sign-in</title></head><body>
<h1>Test ID</h1>
<form method="post" action="/interaction/${uid}/login">
  <label>Subject <input name="sub" required></label>
  <label>Email <input name="email" type="email" required></label>
  <label><input name="verified" type="checkbox" value="yes" checked> Email verified</label>
  <button type="submit">Sign in at Test ID</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
<form method="post" action="/interaction/${uid}/fail"><button type="submit">Fail</button></form>
</body></html>`;
}

async function formBody(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function interaction(req, res, uid, action) {
  if (req.method === "GET" && !action) {
    await provider.interactionDetails(req, res);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(uid));
    return;
  }
  const body = await formBody(req);
  if (action === "login") {
    const accountId = String(body.get("sub"));
    accounts.set(accountId, { email: String(body.get("email")), verified: body.get("verified") === "yes" });
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  } else if (action === "abort") {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "End-User aborted interaction" });
  } else {
    await provider.interactionFinished(req, res, { error: "server_error", error_description: "The test provider failed on purpose" });
  }
}

const handle = provider.callback();
createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|abort|fail))?$/.exec(req.url ?? "");
  if (!match) return handle(req, res);
  interaction(req, res, match[1], match[2]).catch((error) => {
    res.writeHead(400, { "content-type": "text/plain" }).end(String(error?.message ?? error));
  });
}).listen(port, () => console.log(`test OpenID provider on http://localhost:${port}`));
