// `node --import ./test/cli/record-loads.mjs …`: appends the URL of every module the program loads to the file
// named by CAKUPAN_LOAD_LOG, so a test can check which stages a command started.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.CAKUPAN_LOAD_LOG) appendFileSync(process.env.CAKUPAN_LOAD_LOG, r.url + '\\n');
  return r;
}`;
register('data:text/javascript,' + encodeURIComponent(hooks));
