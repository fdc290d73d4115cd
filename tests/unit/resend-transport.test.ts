// Guarantee: the production mail path sends exactly what we rendered, authenticated with the API
// key, and a provider failure throws MailDeliveryError instead of silently "sending" nothing.
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { resendTransport } from "@/lib/mail/resend";
import { MailDeliveryError } from "@/lib/mail/transport";
import type { MailMessage } from "@/lib/mail/transport";

interface Captured {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const KEY = "re_test_123";
const MESSAGE: MailMessage = {
  from: "Gatehouse <no-reply@example.com>",
  to: "ada@example.com",
  subject: "Password reset instructions",
  html: '<p>Reset: <a href="https://app.test/reset/t">link</a></p>',
  text: "Reset: https://app.test/reset/t",
};

let server: Server | undefined;

afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A stand-in for api.resend.com that records requests and answers with `status`/`reply`. */
async function startFakeResend(status: number, reply: string): Promise<{ baseUrl: string; requests: Captured[] }> {
  const requests: Captured[] = [];
  const s = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : null });
      res.writeHead(status, { "content-type": status < 400 ? "application/json" : "text/plain" });
      res.end(reply);
    });
  });
  server = s;
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests };
}

describe("resend transport", () => {
  it("POSTs the rendered message to /emails with the bearer key", async () => {
    const fake = await startFakeResend(200, JSON.stringify({ id: "x" }));
    await resendTransport(KEY, fake.baseUrl).send(MESSAGE);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/emails");
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({
      from: MESSAGE.from,
      to: MESSAGE.to,
      subject: MESSAGE.subject,
      html: MESSAGE.html,
      text: MESSAGE.text,
    });
  });

  it("throws MailDeliveryError when the provider fails", async () => {
    const fake = await startFakeResend(500, "upstream exploded");
    const sending = resendTransport(KEY, fake.baseUrl).send(MESSAGE);
    await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(sending).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.requests).toHaveLength(1);
  });
});
