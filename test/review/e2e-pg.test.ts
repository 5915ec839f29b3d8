/**
 * The review page on PostgreSQL, end to end: `cakupan review --db postgres://…` (the real CLI, its own process)
 * serves a fresh schema, and Debian's Chromium accepts one fact, corrects another and undoes with the keyboard;
 * each action is in the database and its audit log at once. Then the scripted `review list|accept|undo` work on the
 * same database beside the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { backend } from '../store/backends.ts';
import { launchChromium } from './browser.ts';
import { ALL_ARTICLES, seedInto } from './seed.ts';

const run = promisify(execFile);
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await gone;
  }
});

/** Starts `cakupan review` on `db`; resolves with the URL it prints. */
async function serve(db: string): Promise<string> {
  const child = spawn(process.execPath, ['src/bin.js', 'review', '--db', db, '--port', '0', '--reviewer', 'ana', '--sample-rate', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err += String(c)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += String(c);
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`cakupan review exited ${code}: ${err}`)));
  });
}

async function press(p: Page, key: string, url: RegExp): Promise<void> {
  await Promise.all([p.waitForURL(url), p.keyboard.press(key)]);
}

describe('the review page on PostgreSQL', () => {
  it('accepts and corrects a fact, undoes, with the audit log written at once; the scripts work beside it', { timeout: 120_000 }, async () => {
    const b = await backend('postgres');
    const st = await seedInto(await b.open(), ALL_ARTICLES);
    await st.close();
    const factId = async (metric: string, code: string) => (await b.all<{ id: number }>('SELECT id FROM facts WHERE metric = ? AND region_code = ?', [metric, code]))[0]!.id;
    const fact = async (id: number) => (await b.all<{ status: string; value: number; as_of: string | null; version: number }>('SELECT status, value, as_of, version FROM facts WHERE id = ?', [id]))[0]!;
    const audit = () => b.all<{ subject_id: number; action: string; who: string; undoes: number | null }>("SELECT subject_id, action, who, undoes FROM reviews WHERE who != 'cakupan refresh' ORDER BY id");
    const banjarbaru = await factId('coverage_pct', '63.72');
    const active = await factId('active_pct', '63.03');

    const url = await serve(b.location);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/queue`);
      expect(await page.locator('#queue tbody tr').count()).toBe(6);
      await Promise.all([page.waitForURL(/\/review\?pos=0/), page.click('#start-link')]);
      expect(await page.textContent('h1')).toContain('Kota Banjarbaru');

      await press(page, 'a', /n=accepted/);
      expect(await page.textContent('#notice')).toContain('Accepted: Kota Banjarbaru');
      expect(await fact(banjarbaru)).toMatchObject({ status: 'accepted', version: 2 });
      expect((await audit()).at(-1)).toMatchObject({ subject_id: banjarbaru, action: 'accept', who: 'ana' });

      expect(await page.textContent('h1')).toContain('Kabupaten Banjar · active %');
      await page.keyboard.press('e');
      await page.fill('#edit-value', '80,5');
      await page.fill('#edit-asOf', '2025-12-31');
      await Promise.all([page.waitForURL(/n=corrected/), page.press('#edit-value', 'Enter')]);
      expect(await fact(active)).toMatchObject({ status: 'corrected', value: 80.5, as_of: '2025-12-31', version: 2 });
      expect((await audit()).at(-1)).toMatchObject({ subject_id: active, action: 'correct', who: 'ana' });

      await press(page, 'u', /n=undone/);
      expect(await page.textContent('#notice')).toContain('Undone: Kabupaten Banjar active_pct 80.05 is auto again');
      expect(await fact(active)).toMatchObject({ status: 'auto', value: 80.05, version: 3 });
      const log = await audit();
      expect(log.map((r) => r.action)).toEqual(['accept', 'correct', 'undo']);

      // The audit page lists the three, newest first.
      await page.goto(`${url}/audit`);
      expect(await page.locator('#audit tbody tr').count()).toBe(3);

      // Scripts on the same database while the page serves it: the queue lost the accepted fact, and a scripted
      // accept of the fact the page undid, then its undo, write the same kind of audit rows.
      const list = await run(process.execPath, ['src/bin.js', 'review', 'list', '--db', b.location, '--json', '--sample-rate', '0']);
      const items = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { item: string });
      expect(items.map((i) => i.item)).not.toContain(`fact:${banjarbaru}`);
      expect(items.map((i) => i.item)).toContain(`fact:${active}`);
      const acc = await run(process.execPath, ['src/bin.js', 'review', 'accept', String(active), '--expect-version', '3', '--db', b.location, '--reviewer', 'script']);
      expect(acc.stdout).toMatch(/active_pct 80\.05 as of 2025-12: accepted, version 4/);
      const stale = await run(process.execPath, ['src/bin.js', 'review', 'reject', String(active), '--reason', 'late', '--expect-version', '3', '--db', b.location, '--reviewer', 'other']).catch((e: { code: number; stderr: string }) => e);
      expect(stale).toMatchObject({ code: 3 });
      expect((stale as { stderr: string }).stderr).toMatch(/conflict: the item was changed by script/);
      await run(process.execPath, ['src/bin.js', 'review', 'undo', '--db', b.location, '--reviewer', 'script']);
      expect(await fact(active)).toMatchObject({ status: 'auto', version: 5 });
      expect((await audit()).slice(3).map((r) => [r.action, r.who])).toEqual([['accept', 'script'], ['undo', 'script']]);
    } finally {
      await browser.dispose();
    }
  });
});
