/**
 * Delivers what is due in the outbox and exits: `npm run outbox:deliver` from a cron job on a
 * host without a long-running server (or to flush a backlog by hand). `--until-empty` keeps going
 * while passes still find work. Exit code 0 even when messages are retrying; 1 on a crash.
 */
import { closeDb } from "../lib/db";
import { deliverOutbox } from "../lib/outbox/deliver";

async function main(): Promise<void> {
  const untilEmpty = process.argv.includes("--until-empty");
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const report = await deliverOutbox({ limit: 100 });
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.failed += report.failed;
    if (!untilEmpty || report.sent + report.retrying + report.failed === 0) break;
  }
  console.log(`outbox: ${total.sent} sent, ${total.retrying} to retry, ${total.failed} given up`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
