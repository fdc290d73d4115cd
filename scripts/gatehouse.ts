/**
 * The operator's command line: `npm run gatehouse -- <command>` (`--help` lists them). The
 * reference's `flask users` / `flask roles` commands over the core's datastore verbs, plus the
 * database and key maintenance. Uses the app's DATABASE_URL, or PGlite in PGLITE_DIR (.data/pglite).
 * Exit codes: 0 done, 1 refused (unknown user, last admin, a password the policy rejects…),
 * 2 usage error. `--json` prints one JSON object: `{ ok: true, … }` or `{ ok: false, code, message }`.
 */
import { Command, CommanderError } from "commander";
import { EXIT } from "./cli/io";
import { maintenanceCommands } from "./cli/maintenance";
import { rolesCommand } from "./cli/roles";
import { usersCommand } from "./cli/users";

const program = new Command("gatehouse")
  .description("Gatehouse administration: accounts, roles, database, keys")
  .option("--json", "print one machine-readable JSON object")
  .showHelpAfterError()
  // Set before the subcommands are added, so they inherit it: usage errors exit 2, not commander's 1.
  .exitOverride();
usersCommand(program);
rolesCommand(program);
maintenanceCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // --help exits 0; help shown because a subcommand is missing, or any parse error, is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = EXIT.refused;
});
