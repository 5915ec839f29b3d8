import type { Command } from 'commander';
import { z } from 'zod';
import { firstFlagMessage } from '../flag-errors.ts';

const ExtractFlags = z.object({
  format: z.enum(['json', 'table']),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
});

/** `cakupan extract` and `cakupan eval`. */
export function register(program: Command): void {
  program
    .command('extract')
    .description('extract coverage facts from article text or HTML (files, "-" for stdin, or URLs)')
    .option('--format <format>', 'json (one object per input per line) or table', 'table')
    .option('--published <date>', 'publication date YYYY-MM-DD: gives "(21/11)" its year')
    .argument('<inputs...>', 'a .txt or .html file, "-" for stdin, or an http(s) URL')
    .action(async (inputs: string[], raw: unknown) => {
      const parsed = ExtractFlags.safeParse(raw);
      if (!parsed.success) {
        process.stderr.write(`cakupan extract: ${firstFlagMessage(parsed.error, raw)}\n`);
        process.exitCode = 2;
        return;
      }
      const flags = parsed.data;
      // The stage loads only when the command runs, so `cakupan --help` and other commands never pay for it.
      const [{ analyze, InputError, readInput }, { formatFactsTable }, { withCodePointOffsets }] = await Promise.all([import('./document.ts'), import('./table.ts'), import('../store/offsets.ts')]);
      let failed = 0;
      for (const source of inputs) {
        try {
          const result = analyze(await readInput(source), { published: flags.published ?? null });
          process.stdout.write(flags.format === 'json' ? JSON.stringify(withCodePointOffsets(result)) + '\n' : formatFactsTable(result) + '\n');
        } catch (err) {
          failed++;
          const msg = err instanceof InputError ? err.message : `${source}: ${err instanceof Error ? err.message : String(err)}`;
          process.stderr.write(`cakupan extract: ${msg}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });

  program
    .command('eval')
    .description('score extraction against the gold corpus (precision, recall, F1 per metric, as-of, categories, calibration)')
    .option('--corpus <dir>', 'folder of gold articles', 'corpus/dev')
    .option('--no-html', 'skip the HTML renderings in corpus/html (the whole path HTML -> facts)')
    .option('--json', 'print the scores as JSON')
    .option('--verbose', 'list every missed and spurious fact')
    .action(async (opts: { corpus: string; html?: boolean; json?: boolean; verbose?: boolean }) => {
      const { runEval } = await import('./eval.ts');
      process.exitCode = await runEval(opts);
    });

  program
    .command('calibrate')
    .description('fit the confidence model on the gold corpus (plus reviewed facts with --db) and write data/confidence.json')
    .option('--corpus <dir>', 'folder of gold articles', 'corpus/dev')
    .option('--db <path>', 'also learn from the facts reviewers accepted, corrected or rejected in this database')
    .option('--out <file>', 'where to write the weights (default data/confidence.json, or $CAKUPAN_CONFIDENCE_MODEL)')
    .action(async (opts: { corpus: string; db?: string; out?: string }) => {
      const { runCalibrate } = await import('./calibrate-command.ts');
      try {
        process.exitCode = await runCalibrate(opts);
      } catch (err) {
        process.stderr.write(`cakupan calibrate: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      }
    });
}
