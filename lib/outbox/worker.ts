import "server-only";
import { deliverOutbox } from "./deliver";

/**
 * The outbox's background pass on a long-running server: every few seconds it delivers what
 * `after()` did not (retries after a provider failure, rows left by an instance that died). On a
 * serverless host use the cron route (app/api/outbox/deliver) instead; no state lives here but
 * the timer.
 */
const INTERVAL_MS = 5_000;

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

export function startOutboxWorker(): void {
  if (timer) return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverOutbox()
      .catch((error: unknown) => console.error("[gatehouse] outbox worker pass failed", error))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  // Never the reason a process stays alive (graceful shutdown closes the pool and exits).
  timer.unref();
}

export function stopOutboxWorker(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
