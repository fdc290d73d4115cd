/**
 * What every `npm run gatehouse` command shares: the exit codes, one answer per command (a line for
 * people, one JSON object with --json), and reading a password without it ever being an argument
 * (argv is visible to every user of the machine in `ps` and lands in shell history).
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { messageFor, type Failure } from "../../lib/security/core/errors";

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** A usage error found after parsing (a missing confirmation, a password source that is absent). */
export class UsageError extends Error {}

/** A command's answer: done (exit 0), done but with a refusal to report (exit 1: `refusal`), or a Failure (exit 1). */
export type Answer = { ok: true; text: string; json: Record<string, unknown>; refusal?: string } | Failure;

function wantsJson(command: Command): boolean {
  return Boolean(command.optsWithGlobals<{ json?: boolean }>().json);
}

/**
 * Runs a command's work against the database, prints its answer and sets the exit code. Commander
 * calls an action with the positional arguments (a variadic one as a list), the options, the command.
 */
export function action<O>(work: (args: string[], options: O) => Promise<Answer>): (...raw: unknown[]) => Promise<void> {
  return async (...raw) => {
    const command = raw[raw.length - 1] as Command;
    const options = raw[raw.length - 2] as O;
    const json = wantsJson(command);
    try {
      const answer = await work(raw.slice(0, -2).flat() as string[], options);
      if (answer.ok) {
        console.log(json ? JSON.stringify({ ok: !answer.refusal, ...answer.json, ...(answer.refusal ? { message: answer.refusal } : {}) }) : answer.text);
        if (answer.refusal && !json) console.error(answer.refusal);
        process.exitCode = answer.refusal ? EXIT.refused : EXIT.ok;
      } else {
        const message = messageFor(answer.code, answer.params);
        const fields = Object.values(answer.fieldErrors ?? {}).flat();
        if (json) console.log(JSON.stringify({ ok: false, code: answer.code, message, ...(fields.length ? { errors: fields } : {}) }));
        else console.error(`refused: ${fields[0] ?? message} (${answer.code})`);
        process.exitCode = EXIT.refused;
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      if (json) console.log(JSON.stringify({ ok: false, code: "USAGE", message: error.message }));
      else console.error(`error: ${error.message}`);
      process.exitCode = EXIT.usage;
    }
  };
}

export const done = (text: string, json: object = {}, refusal?: string): Answer => ({ ok: true, text, json: { ...json }, ...(refusal ? { refusal } : {}) });

/** Splits "a,b c" and repeated arguments into one list. */
export function listOf(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/[\s,]+/)).filter(Boolean);
}

/**
 * The password for a new account or an admin-set one, in this order: stdin (--password-stdin), the
 * environment (GATEHOUSE_PASSWORD; ADMIN_PASSWORD, which `admin:create` always read), or a prompt
 * that does not echo when stdin is a terminal. Never an argument.
 */
export async function readPassword(options: { passwordStdin?: boolean }, prompt: string): Promise<string> {
  if (options.passwordStdin) {
    let text = "";
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, "");
  }
  const fromEnv = process.env.GATEHOUSE_PASSWORD ?? process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError("no password: use --password-stdin, set GATEHOUSE_PASSWORD, or run in a terminal to be asked");
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed (the prompt itself is written before muting).
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
