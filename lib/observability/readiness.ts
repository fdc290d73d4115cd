import "server-only";
import { sql } from "drizzle-orm";
import { getDb, migrationState } from "@/lib/db";
import { getMailTransport } from "@/lib/mail";

/** A readiness probe answers within this, or the instance is not ready (the probe's own timeout is usually 1–5 s). */
const CHECK_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  checks: { database: "ok" | "unreachable"; migrations: "current" | "behind" | "ahead" | "unknown"; mail: "resend" | "outbox" | "custom" | "missing" };
}

/**
 * What GET /api/ready reports: the database answers, its schema is the one this code knows, and
 * mail has somewhere to go. Two cheap queries (`select 1`, the newest applied migration); names
 * and states only, never a URL, host or key.
 */
export async function readiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = { database: "unreachable", migrations: "unknown", mail: mailCheck() };
  try {
    await withTimeout(
      (async () => {
        const db = await getDb();
        await db.execute(sql`select 1`);
        checks.database = "ok";
        checks.migrations = await migrationState(db);
      })(),
    );
  } catch {
    // Reported as unreachable / unknown; the reason is in the instance's own log.
  }
  return { ready: checks.database === "ok" && checks.migrations === "current" && checks.mail !== "missing", checks };
}

function mailCheck(): Readiness["checks"]["mail"] {
  try {
    const transport = getMailTransport();
    // The configuration already refuses production without a transport unless the outbox is asked for.
    if (!transport) return "outbox";
    return transport.name === "resend" ? "resend" : "custom";
  } catch {
    return "missing"; // MAIL_TRANSPORT=resend without a key
  }
}

function withTimeout(work: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("readiness check timed out")), CHECK_TIMEOUT_MS);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
