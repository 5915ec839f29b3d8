import type { Command } from 'commander';

/** Registers this stage's subcommands. */
export function register(_program: Command): void {}
