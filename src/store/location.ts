/**
 * Where the database is when no flag says, and how to name the command in hints. Neither depends on the
 * current directory: in a clone (the package folder is not inside node_modules) the database is the clone's
 * `data/cakupan.db` and hints say `npx cakupan`; an installed CLI keeps it in `$XDG_DATA_HOME/cakupan/cakupan.db`
 * (default `~/.local/share/cakupan/cakupan.db`) and hints say `cakupan`.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_ENV } from './config.ts';

/** The package folder: the nearest folder above this module with a package.json (the same from src/ and dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cakupan: no package.json above ${fileURLToPath(import.meta.url)}; the installation is incomplete, reinstall cakupan`);
    dir = up;
  }
  return dir;
}

/** True when this is an installed package (`npm install -g`, a dependency), false in a clone of the repository. */
export function isInstalled(root = packageRoot()): boolean {
  return root.split(/[\\/]/).includes('node_modules');
}

/** The default database file: the clone's data/cakupan.db, or the XDG data folder for an installed CLI. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = packageRoot();
  if (!isInstalled(root)) return join(root, 'data', 'cakupan.db');
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'cakupan', 'cakupan.db');
}

/** `--db`, else `CAKUPAN_DB`, else the default; `isDefault` lets the store create the default's folder (and only that one). */
export function resolveDb(flag?: string): { path: string; isDefault: boolean } {
  if (flag) return { path: flag, isDefault: false };
  const env = process.env[DB_ENV];
  if (env) return { path: env, isDefault: false };
  return { path: defaultDbPath(), isDefault: true };
}

/** How hints name the command: `npx cakupan` in a clone (no `cakupan` on PATH there), `cakupan` when installed. */
export function commandName(): string {
  return isInstalled() ? 'cakupan' : 'npx cakupan';
}

/** Where the default database is and why, for `cakupan --help`. */
export function describeDefaultDb(): string {
  const where = isInstalled() ? 'installed CLI: $XDG_DATA_HOME/cakupan, default ~/.local/share/cakupan' : 'a clone: its data/ folder';
  return `Database: --db <path>, else $${DB_ENV}, else ${defaultDbPath()} (${where}).`;
}
