/**
 * The `cakupan` command. Thin: each stage registers its own subcommands (`register(program)`),
 * and each subcommand is one call into its stage.
 */
import { Command, CommanderError } from 'commander';
import { register as registerExtract } from './extract/cli.ts';
import { register as registerStore } from './store/cli.ts';
import { register as registerCrawl } from './crawl/cli.ts';
import { register as registerReview } from './review/cli.ts';
import { register as registerWorker } from './worker/cli.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDefaultDb, packageRoot } from './store/location.ts';
import { USAGE_EXIT } from './flag-errors.ts';

/** The version in package.json (one source of truth for `--version`). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

// Each stage's cli.ts registers its commands and loads the stage itself inside the action (`await import`), so
// `--version`, `--help` and a command start without the modules of the others.

/** Commander's codes for a usage mistake: these exit 2 with the command's usage, as the README says. */
const USAGE_CODES = new Set([
  'commander.unknownOption', 'commander.unknownCommand', 'commander.missingArgument', 'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue', 'commander.excessArguments', 'commander.invalidArgument', 'commander.conflictingOption',
]);

export function buildProgram(): Command {
  const program = new Command('cakupan')
    .description('Indonesian regional news -> a sourced database of JKN coverage (cakupan kepesertaan)')
    .version(packageVersion())
    .showHelpAfterError()
    .addHelpText('after', () => `\n${describeDefaultDb()}\n`);
  registerExtract(program);
  registerStore(program);
  registerCrawl(program);
  registerReview(program);
  registerWorker(program);
  return program;
}

/** Runs the CLI; a command's own failure sets `process.exitCode`, an unexpected error prints its message. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  // exitOverride is not inherited by commands added before it: every subcommand throws instead of exiting.
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  let running: Command = program;
  program.hook('preAction', (_self, action) => {
    running = action;
  });
  try {
    await program.parseAsync(argv);
    // A command that rejected its flags itself (exit 2) prints its usage too.
    if (process.exitCode === USAGE_EXIT) process.stderr.write('\n' + running.helpInformation());
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = USAGE_CODES.has(err.code) ? USAGE_EXIT : err.exitCode;
      return;
    }
    const usage = err instanceof Error && err.name === 'UsageError';
    process.stderr.write(`cakupan${running === program ? '' : ' ' + running.name()}: ${err instanceof Error ? err.message : String(err)}\n`);
    if (usage) process.stderr.write('\n' + running.helpInformation());
    process.exitCode = usage ? USAGE_EXIT : 1;
  }
}
