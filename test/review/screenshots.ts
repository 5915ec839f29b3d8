/**
 * Takes the README's screenshots of the review page: the bundled dev corpus ingested into a temp
 * store (so the page shows real articles), a few decisions made, then the queue, one fact and the
 * dashboard photographed in Debian's Chromium. Run by hand, not by the test suite:
 *
 *   npx tsx test/review/screenshots.ts      # writes src/review/screenshots/*.png
 */
import { fileURLToPath } from 'node:url';
import { ingest, openStore } from '../../src/store/index.ts';
import { FactEditForm } from '../../src/review/model.ts';
import { startReviewServer } from '../../src/review/server.ts';
import { ReviewService } from '../../src/review/service.ts';
import { launchChromium } from './browser.ts';
import { tempDir } from './seed.ts';

const OUT = fileURLToPath(new URL('../../src/review/screenshots/', import.meta.url));
const tmp = tempDir();
const store = openStore(`${tmp.dir}/shots.db`);
await ingest(store, [fileURLToPath(new URL('../../corpus/dev/', import.meta.url))]);
const svc = new ReviewService(store);

// A morning's work: the two most doubtful items decided, one figure dated, one sampled fact confirmed.
const q = await svc.queue();
const doubtful = q.filter((e) => !e.sampled).map((e) => e.fact);
const sampled = q.filter((e) => e.sampled).map((e) => e.fact);
const [first, second, third] = doubtful;
if (first) await svc.accept(first, first.version, 'ana');
if (second) await svc.reject(second, second.version, 'budi', 'target, not a measurement');
if (third && third.kind === 'fact')
  await svc.correct(third, third.version, 'ana', FactEditForm.parse({ value: String(third.value), region: third.region.code, metric: third.metric!, asOf: '2025' }));
if (sampled[0]) await svc.accept(sampled[0], sampled[0].version, 'budi');

const srv = await startReviewServer(svc, { port: 0, reviewer: 'ana' });
const browser = await launchChromium({ width: 1360, height: 860 });
try {
  const page = await browser.newPage();
  await page.goto(`${srv.url}/queue`);
  await page.screenshot({ path: `${OUT}queue.png` });
  // The first queued fact that carries a consistency flag, else the head of the queue.
  const now = await svc.queue();
  const pos = Math.max(0, now.findIndex((e) => e.fact.flags.length > 0));
  await page.goto(`${srv.url}/review?pos=${pos}`);
  await page.keyboard.press('e');
  await page.fill('#edit-value', '469.000');
  await Promise.all([page.waitForSelector('#error-value'), page.press('#edit-value', 'Enter')]);
  await page.screenshot({ path: `${OUT}fact.png` });
  await page.goto(`${srv.url}/dashboard?sort=coverage_pct&dir=desc`);
  await page.setViewportSize({ width: 1360, height: 1150 });
  await page.screenshot({ path: `${OUT}dashboard.png` });
  process.stdout.write(`screenshots written to ${OUT} (queue of ${now.length}, fact at position ${pos + 1})\n`);
} finally {
  await browser.dispose();
  await srv.close();
  await store.close();
  tmp.cleanup();
}
