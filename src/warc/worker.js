// Worker-thread entry for WARC scans: registers tsx (the thread may not inherit the parent's loader), then
// loads the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
