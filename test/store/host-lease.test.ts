/**
 * The host lease of the crawl store (one worker per host across machines), on both backends: taken when free,
 * refused while another live holder has it (naming the holder), renewed by its holder, taken over only once
 * expired — with the URLs the dead holder left leased queued again — and, when two workers race for a new host,
 * given to exactly one of them.
 */
import { describe, expect, it } from 'vitest';
import { openPgCrawlStore } from '../../src/store/crawl-pg.ts';
import type { CrawlStore } from '../../src/store/crawl-store.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { BACKENDS, backend, type Backend } from './backends.ts';

async function crawlStoreOf(b: Backend): Promise<{ cs: CrawlStore; close: () => Promise<void> }> {
  if (b.kind === 'sqlite') {
    const s = openStore(b.location);
    return { cs: s.crawlStore(), close: async () => void (await s.close()) };
  }
  const cs = await openPgCrawlStore(b.location);
  return { cs, close: () => cs.close() };
}

describe.each(BACKENDS)('host lease on %s', (kind) => {
  it('is taken when free, refused while held, renewed by its holder, taken over after expiry with leased URLs queued again', async () => {
    const b = await backend(kind);
    const { cs, close } = await crawlStoreOf(b);
    try {
      const host = 'berita.example:80';
      expect(await cs.acquireHost(host, 'A', 1000, 1000)).toEqual({ acquired: true, tookOver: null });
      expect(await cs.acquireHost(host, 'B', 1000, 1500)).toEqual({ acquired: false, heldBy: { host, owner: 'A', until: 2000, since: 1000 } });
      // The holder renews; the lease now runs to 2600, and since stays when it was taken.
      expect(await cs.acquireHost(host, 'A', 1000, 1600)).toEqual({ acquired: true, tookOver: null });
      expect(await cs.acquireHost(host, 'B', 1000, 2599)).toMatchObject({ acquired: false, heldBy: { owner: 'A', until: 2600, since: 1000 } });

      await cs.add({ url: 'http://berita.example/a', host, site: 'http://berita.example/', kind: 'article' }, 1700);
      const leased = await cs.lease(host, 1, 60_000, 1700);
      expect(leased?.url).toBe('http://berita.example/a');
      expect((await cs.get('http://berita.example/a'))?.state).toBe('leased');

      // A is gone: at 3000 its lease (until 2600) has run out.
      expect(await cs.acquireHost(host, 'B', 1000, 3000)).toEqual({ acquired: true, tookOver: { host, owner: 'A', until: 2600, since: 1000 } });
      expect((await cs.get('http://berita.example/a'))?.state).toBe('queued');
      expect(await cs.leasedHosts(3000)).toEqual([{ host, owner: 'B', until: 4000, since: 3000 }]);
    } finally {
      await close();
    }
  });

  it('gives a new host to exactly one of two workers racing for it', async () => {
    const b = await backend(kind);
    const one = await crawlStoreOf(b);
    const two = await crawlStoreOf(b);
    try {
      for (let i = 0; i < 10; i++) {
        const host = `baru${i}.example:80`;
        const [x, y] = await Promise.all([one.cs.acquireHost(host, 'A', 10_000, 5000), two.cs.acquireHost(host, 'B', 10_000, 5000)]);
        expect([x.acquired, y.acquired].filter(Boolean)).toHaveLength(1);
        const loser = x.acquired ? y : x;
        expect(loser.acquired ? null : loser.heldBy.owner).toBe(x.acquired ? 'A' : 'B');
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});
