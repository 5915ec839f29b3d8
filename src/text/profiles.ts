/**
 * Per-site profiles (cascade stage 1): CSS selectors for the article body of hosts we know, kept as data in
 * `data/site-profiles.json` so that a new site is one JSON entry, not a code change.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One site's selectors. */
export const SiteProfile = z.object({
  /** Stable name, reported as `method: "profile:<name>"`. */
  name: z.string().regex(/^[a-z0-9-]+$/),
  /** Host names; a host also matches its subdomains ("kompas.com" matches "regional.kompas.com"). */
  hosts: z.array(z.string().min(3)).min(1),
  /** Selectors of the body container, tried in order; the first that matches wins. */
  body: z.array(z.string().min(1)).min(1),
  /** Selectors removed inside the body before its text is read (related boxes, captions, ads). */
  remove: z.array(z.string().min(1)).default([]),
  /** Selector of the headline, when `<title>` and og:title are not enough. */
  title: z.string().optional(),
  /** Selector of the element holding the visible dateline. */
  date: z.string().optional(),
  /** A note for maintainers: what the template looks like, when it was checked. */
  note: z.string().optional(),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

const ProfilesFile = z.object({ $comment: z.string().optional(), profiles: z.array(SiteProfile) });

const FILE = new URL('../../data/site-profiles.json', import.meta.url);

/** Loads and validates the profiles file; an invalid file is an error that names the file. */
export function loadProfiles(path: URL | string = FILE): SiteProfile[] {
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const r = ProfilesFile.safeParse(raw);
  if (!r.success) throw new Error(`${String(path)}: invalid site profiles: ${r.error.message}`);
  return r.data.profiles;
}

let cached: SiteProfile[] | null = null;

/** The profile for a URL's host, or null. */
export function profileFor(url: string | undefined | null, profiles?: SiteProfile[]): SiteProfile | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  const list = profiles ?? (cached ??= loadProfiles());
  for (const p of list) {
    for (const h of p.hosts) {
      const hh = h.toLowerCase().replace(/^www\./, '');
      if (host === hh || host.endsWith(`.${hh}`)) return p;
    }
  }
  return null;
}
