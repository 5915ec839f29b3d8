/**
 * Which inputs of `cakupan ingest` are web archives: a module of its own, so the plain-file ingest can ask
 * without loading the WARC reader.
 */

/** A paths list: `warc.paths.gz`, `*.paths`, `paths.gz` (not a `.warc` file itself). */
export function isPathsList(s: string): boolean {
  const p = s.replace(/[?#].*$/, '');
  return /(^|[/.])(warc\.)?paths(\.gz)?$/i.test(p) && !/\.warc(\.gz)?$/i.test(p);
}

/** True for `.warc`, `.warc.gz` and paths lists. */
export function isWarcInput(s: string): boolean {
  return /\.warc(\.gz)?$/i.test(s.replace(/[?#].*$/, '')) || isPathsList(s);
}
