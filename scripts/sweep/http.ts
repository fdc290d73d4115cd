import http from "node:http";
import type { HostileRequest } from "./cases";

export type Status = number | "timeout" | "error";

export interface Outcome {
  status: Status;
  ms: number;
  /** The start of the response body (5xx only), or the client-side error. */
  detail?: string;
}

const CHUNK = 64 * 1024;

/**
 * Sends one request byte for byte (no re-encoding: invalid UTF-8 and wrong lengths go out as
 * they are). A server that answers before the whole body is sent still counts as answered.
 */
export function send(base: string, request: HostileRequest, extra: Record<string, string>, timeoutMs: number, agent: http.Agent): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<Outcome, "ms">): void => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, ms: performance.now() - started });
    };
    const req = http.request(`${base}${request.path}`, { method: request.method, headers: { ...request.headers, ...extra }, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const kept: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < 400) kept.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => finish({ status, detail: status >= 500 ? Buffer.concat(kept).toString("utf8").slice(0, 400) : undefined }));
      res.on("error", () => finish({ status }));
    });
    req.setTimeout(timeoutMs, () => {
      finish({ status: "timeout" });
      req.destroy();
    });
    req.on("error", (error) => finish({ status: "error", detail: error.message }));
    const body = request.body;
    if (!body) return void req.end();
    if (!request.chunked) return void req.end(body);
    let offset = 0;
    const pump = (): void => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + CHUNK);
        offset += CHUNK;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

export function statusClass(status: Status): string {
  return typeof status === "number" ? `${Math.floor(status / 100)}xx` : status;
}
