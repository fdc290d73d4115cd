// Guarantee: the Twilio sender posts the text where Twilio expects it, authenticated as the
// account, and every way the provider can fail (refusal, silence, unreachable) becomes an
// SmsDeliveryError — never a hung sign-in or a code the user silently never receives.
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SmsDeliveryError, twilioSmsSender } from "@/lib/sms";

interface Captured {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const ACCOUNT = { accountSid: "AC1", authToken: "tok", from: "+15005550006" } as const;
const TO = "+14155550132";
const TEXT = "Your Gatehouse code is 123456";

let server: Server | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  const s = server;
  server = undefined;
  if (s) {
    // The silent server holds its request open; drop it so close() can finish.
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function listen(s: Server): Promise<string> {
  server = s;
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A stand-in for api.twilio.com that records requests and answers with `status`/`reply`. */
async function startFakeTwilio(status: number, reply: string): Promise<{ baseUrl: string; requests: Captured[] }> {
  const requests: Captured[] = [];
  const s = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(reply);
    });
  });
  return { baseUrl: await listen(s), requests };
}

describe("twilio sms sender", () => {
  it("POSTs To/From/Body to the account's Messages resource with Basic auth", async () => {
    const fake = await startFakeTwilio(201, JSON.stringify({ sid: "SM1", status: "queued" }));
    await twilioSmsSender({ ...ACCOUNT, baseUrl: fake.baseUrl }).send(TO, TEXT);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/2010-04-01/Accounts/AC1/Messages.json");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("AC1:tok").toString("base64")}`);
    expect(request?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({ To: TO, From: ACCOUNT.from, Body: TEXT });
  });

  it("throws SmsDeliveryError naming the HTTP status when Twilio refuses", async () => {
    const fake = await startFakeTwilio(400, JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 }));
    const sending = twilioSmsSender({ ...ACCOUNT, baseUrl: fake.baseUrl }).send(TO, TEXT);
    await expect(sending).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(sending).rejects.toThrow(/HTTP 400/);
    expect(fake.requests).toHaveLength(1);
  });

  // The sender's 10 s limit is a module constant. Rather than wait it out, the test lets the sender
  // ask for its 10 s signal and hands back one it fires itself — as a timeout would — once the
  // request has reached the silent server. The 15 s limit leaves room for the real 10 s timeout
  // should the sender stop using AbortSignal.timeout; the spy assertion then names the change.
  it("throws SmsDeliveryError when Twilio never answers", { timeout: 15_000 }, async () => {
    const deadline = new AbortController();
    const baseUrl = await listen(
      createServer((req) => {
        req.resume(); // read the request, never answer it
        req.on("end", () => deadline.abort(new DOMException("The operation timed out.", "TimeoutError")));
      }),
    );
    const timeout = vi.spyOn(AbortSignal, "timeout").mockReturnValue(deadline.signal);

    const sending = twilioSmsSender({ ...ACCOUNT, baseUrl }).send(TO, TEXT);
    await expect(sending).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(sending).rejects.toThrow(/did not answer within 10 s/);
    expect(timeout).toHaveBeenCalledWith(10_000);
    expect(deadline.signal.aborted).toBe(true);
  });

  it("throws SmsDeliveryError when Twilio cannot be reached", async () => {
    // Bind a free port, then release it: nothing listens there any more.
    const baseUrl = await listen(createServer());
    const s = server;
    server = undefined;
    await new Promise<void>((resolve) => s?.close(() => resolve()));

    const sending = twilioSmsSender({ ...ACCOUNT, baseUrl }).send(TO, TEXT);
    await expect(sending).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(sending).rejects.toThrow(/could not be reached/);
  });
});
