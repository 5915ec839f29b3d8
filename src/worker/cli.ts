/**
 * `cakupan worker`: registered here, loaded inside the action (the worker pulls in pg-boss, the crawler and
 * the fact engine; `--help` and other commands never pay for them).
 */
import type { Command } from 'commander';
import { DB_ENV } from '../store/config.ts';

function usage(message: string): never {
  const e = new Error(message);
  e.name = 'UsageError';
  throw e;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('take crawl and refresh jobs from the queues on a PostgreSQL database (run one per machine, or several)')
    .option('--db <url>', `postgres://user@host/db (default $${DB_ENV})`)
    .option('--allow-private [addresses]', 'as for crawl: open loopback, and the private addresses or ranges listed, for tests and local mirrors')
    .option('--until-idle', 'exit 0 once every queue is empty and no host is leased (batch jobs, tests)')
    .action(async (raw: { db?: string; allowPrivate?: boolean | string; untilIdle?: boolean }) => {
      const db = raw.db ?? process.env[DB_ENV];
      if (!db) usage(`worker: --db postgres://… is required (or set $${DB_ENV}); workers share one PostgreSQL database`);
      const { isPostgresUrl } = await import('../store/pg.ts');
      if (!isPostgresUrl(db)) usage(`worker: --db ${db} is not a postgres:// URL; workers share one PostgreSQL database (on a SQLite file, run \`cakupan crawl\` or \`cakupan refresh\` directly)`);
      const { runWorker } = await import('./worker.ts');
      const controller = new AbortController();
      const stop = () => {
        if (!controller.signal.aborted) process.stderr.write('worker: stopping — finishing or handing back the running jobs\n');
        controller.abort();
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      try {
        await runWorker({ db, allowPrivate: raw.allowPrivate ?? false, untilIdle: raw.untilIdle ?? false, signal: controller.signal });
      } finally {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      }
    });
}
