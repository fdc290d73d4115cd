import "server-only";
import { after } from "next/server";

/**
 * Under generic responses an answer must not depend on whether an account exists — not in its
 * words, and not in its time either (a known address that waits for a token, an outbox row and an
 * event answers measurably slower than an unknown one). So the part of a flow that looks the
 * account up and acts on it runs after the response has gone (Next's after()); outside a request
 * (scripts, tests) there is no "after", and it runs before returning. Its failures are logged:
 * the answer was generic anyway.
 */
export async function afterTheAnswer(flow: string, work: () => Promise<unknown>): Promise<void> {
  const run = () =>
    work().then(
      () => undefined,
      (error: unknown) => console.error(`[gatehouse] ${flow} failed after its (generic) answer`, error),
    );
  try {
    after(run);
  } catch {
    await run();
  }
}
