// Guarantee: nothing of a passkey ceremony lives in one process's memory. Behind a proxy that
// sends each server action to the other of two app instances (sharing one PostgreSQL), every
// challenge is issued by one instance and verified by the other — and registration and
// username-less sign-in still work.
import http from "node:http";
import { expect, newSignedInUser, randomIp, test } from "./support/fixtures";
import { addPasskey, addVirtualAuthenticator, disablePasskeyAutofill } from "./support/passkeys";
import { startInstance, type Instance } from "./support/instance";
import { E2E_PORT, PROXY_PORT, SECOND_INSTANCE_PORT, serverEnv } from "./support/server";

test.skip(!process.env.E2E_DATABASE_URL, "two instances need a shared PostgreSQL (E2E_DATABASE_URL)");

interface Routed {
  action: string;
  port: number;
}

// One second instance on a fixed port, owned by one worker.
test.describe.configure({ mode: "serial" });

let second: Instance | undefined;
let proxy: http.Server | undefined;
const routed: Routed[] = [];

/** Server actions alternate between the instances; everything else goes to the first. */
function startProxy(): Promise<http.Server> {
  let lastActionPort = SECOND_INSTANCE_PORT;
  const server = http.createServer((req, res) => {
    const action = req.headers["next-action"];
    let port = E2E_PORT;
    if (typeof action === "string") {
      port = lastActionPort === E2E_PORT ? SECOND_INSTANCE_PORT : E2E_PORT;
      lastActionPort = port;
      routed.push({ action, port });
    }
    const upstream = http.request({ host: "localhost", port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(PROXY_PORT, () => resolve(server)));
}

test.beforeAll(async () => {
  // The same settings and database as the first instance.
  second = await startInstance(SECOND_INSTANCE_PORT, serverEnv);
  proxy = await startProxy();
});

test.afterAll(async () => {
  second?.stop();
  await new Promise((r) => proxy?.close(r));
});

test("a passkey registered and used through two instances", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://localhost:${PROXY_PORT}`, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await disablePasskeyAutofill(page);
  await addVirtualAuthenticator(page);
  await newSignedInUser(page);

  const before = routed.length;
  await addPasskey(page, "Shared laptop");
  const registration = routed.slice(before);
  // Start (options + challenge row) on one instance, finish (verification) on the other.
  expect(registration).toHaveLength(2);
  expect(registration[0]!.port).not.toBe(registration[1]!.port);

  await context.clearCookies();
  await page.goto("/login");
  const signInStart = routed.length;
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const signIn = routed.slice(signInStart);
  expect(signIn).toHaveLength(2);
  expect(signIn[0]!.port).not.toBe(signIn[1]!.port);
  await context.close();
});
