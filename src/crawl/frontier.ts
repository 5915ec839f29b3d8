/**
 * The frontier's vocabulary (kinds, states, rows, priorities). The statements themselves live behind the crawl
 * store (src/store/crawl-store.ts, with SQLite and PostgreSQL implementations); this module only re-exports
 * the types the crawler speaks in.
 */
export { Kind, State, FrontierRow, PRIORITY, type NewUrl, type LogEntry } from '../store/crawl-store.ts';
