import http from "node:http";

/**
 * A stand-in for Resend's HTTP API (RESEND_BASE_URL points the app at it): records every message
 * and answers like Resend (`{ id }`), or never answers ("hang") like a provider in trouble.
 */
export interface MailProvider {
  url: string;
  received: { to: string; subject: string }[];
  close(): Promise<void>;
}

export function startMailProvider(port: number, behaviour: "ok" | "hang"): Promise<MailProvider> {
  const received: MailProvider["received"] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { to?: string | string[]; subject?: string };
      received.push({ to: [body.to ?? []].flat().join(","), subject: body.subject ?? "" });
      if (behaviour === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `mock-${received.length}` }));
    });
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        close: () =>
          new Promise((done) => {
            for (const res of hanging) res.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
