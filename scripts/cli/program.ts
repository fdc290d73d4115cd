/**
 * The `npm run gatehouse` program: Flask-Security's `flask users` / `flask roles` commands over the
 * core's datastore verbs, plus the database and key maintenance. A new commander program per run,
 * because commander keeps parsed option values on the program (the integration test runs several
 * commands in one process; scripts/gatehouse.ts runs one).
 */
import { Command, CommanderError } from "commander";
import { EXIT } from "./io";
import { maintenanceCommands } from "./maintenance";
import { rolesCommand } from "./roles";
import { usersCommand } from "./users";

function gatehouseProgram(): Command {
  const program = new Command("gatehouse")
    .description("Gatehouse administration: accounts, roles, database, keys")
    .option("--json", "print one machine-readable JSON object")
    .showHelpAfterError()
    // Set before the subcommands are added, so they inherit it: usage errors exit 2, not commander's 1.
    .exitOverride();
  usersCommand(program);
  rolesCommand(program);
  maintenanceCommands(program);
  return program;
}

/** Runs one command line (`argv` as `process.argv`: node, script, arguments…) and sets `process.exitCode`. */
export async function runGatehouse(argv: readonly string[]): Promise<void> {
  try {
    await gatehouseProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help exits 0; help shown because a subcommand is missing, or any parse error, is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = EXIT.refused;
  }
}
