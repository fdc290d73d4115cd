/**
 * Runs a command with the e2e server's environment: `npx tsx scripts/with-e2e-server-env.ts npm run build`.
 * The prerendered anonymous pages show the settings they were built with, and a server started with
 * other ones renders them per request instead (decision 067): the e2e build is made with the
 * environment the suite's server runs with, so the suite exercises the prerendered pages.
 */
import { spawnSync } from "node:child_process";
import { serverEnv } from "../e2e/support/server";

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: tsx scripts/with-e2e-server-env.ts <command> [args…]");
const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...serverEnv } });
process.exit(result.status ?? 1);
