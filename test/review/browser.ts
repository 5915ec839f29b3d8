/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, no network
 * services, a fresh profile per launch. `.ci/run` installs it with apt-get when missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags: headless, and nothing that talks to Google (tests never touch the internet). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with its own fresh `--user-data-dir` (so two of them are two reviewers); `close()` removes the profile. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext & { dispose(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  const profile = mkdtempSync(join(tmpdir(), 'cakupan-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  return Object.assign(ctx, {
    async dispose() {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  });
}
