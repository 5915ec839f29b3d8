/**
 * WAL checkpoints off the main thread during a fast crawl.
 *
 * SQLite in WAL mode with `synchronous = NORMAL` syncs the disk only when it checkpoints, and by default the
 * connection that commits the 1000th WAL page does it, inside that commit. For the crawler that connection
 * is on the main thread: on a busy disk the fsync stalls the event loop for a second or more, and every
 * host's next request is late by as much (measured: rate 62–80 % of the politeness limit with stalls up to
 * 2.8 s, 91 % without). So while a fast crawl runs, the main connection does not checkpoint
 * (`wal_autocheckpoint = 0`); a worker thread with its own connection runs a PASSIVE checkpoint every
 * `CHECKPOINT_EVERY_MS`. Durability is unchanged (commits never fsync in WAL+NORMAL); only who pays the
 * fsync changes. The worker is plain JavaScript (no tsx): it only needs better-sqlite3.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { CHECKPOINT_EVERY_MS } from '../crawl/config.ts';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
const run = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(run, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); run(); db.close(); parentPort.postMessage('closed'); });
`;

/** A running checkpointer; `stop()` checkpoints once more and gives the main connection its checkpoints back. */
export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing `db`'s file from a worker thread; returns null for in-memory databases. */
export function startCheckpointer(db: Database.Database, everyMs = CHECKPOINT_EVERY_MS): Checkpointer | null {
  if (db.memory || !db.name) return null;
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: db.name, everyMs } });
  } catch {
    return null;
  }
  worker.on('error', () => undefined);
  db.pragma('wal_autocheckpoint = 0');
  return {
    async stop() {
      db.pragma(`wal_autocheckpoint = ${previous}`);
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('message', done);
        worker.once('exit', done);
        worker.postMessage('stop');
      });
      await worker.terminate();
    },
  };
}
