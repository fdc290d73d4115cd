/**
 * The operator's command line: `npm run gatehouse -- <command>` (`--help` lists them; the program
 * is scripts/cli/program.ts). Uses the app's DATABASE_URL, or PGlite in PGLITE_DIR (.data/pglite).
 * Exit codes: 0 done, 1 refused (unknown user, last admin, a password the policy rejects…),
 * 2 usage error. `--json` prints one JSON object: `{ ok: true, … }` or `{ ok: false, code, message }`.
 */
import { closeDb } from "../lib/db";
import { runGatehouse } from "./cli/program";

// The database handle is closed here, not per command: an open pool would keep the process alive.
void runGatehouse(process.argv).finally(closeDb);
