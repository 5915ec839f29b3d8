/**
 * The `cakupan` command. Thin: each stage registers its own subcommands (`register(program)`),
 * and each subcommand is one call into its stage.
 */
import { Command, CommanderError } from 'commander';
import { register as registerExtract } from './extract/cli.ts';
import { register as registerStore } from './store/cli.ts';
import { register as registerCrawl } from './crawl/cli.ts';
import { register as registerReview } from './review/cli.ts';

export function buildProgram(): Command {
  const program = new Command('cakupan')
    .description('Indonesian regional news -> a sourced database of JKN coverage (cakupan kepesertaan)')
    .version('0.1.0')
    .showHelpAfterError();
  registerExtract(program);
  registerStore(program);
  registerCrawl(program);
  registerReview(program);
  return program;
}

/** Runs the CLI; a command's own failure sets `process.exitCode`, an unexpected error prints its message. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`cakupan: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
