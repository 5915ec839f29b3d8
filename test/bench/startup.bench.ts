/**
 * `npm run bench -- startup`: how fast the built CLI starts (issue 11: `--version` ≤ 0.3 s, `extract` of one
 * article ≤ 0.6 s), as ratios to `node -e 0` in the same run; exits 1 when a ratio is over its budget. Builds
 * dist/ first when it is missing (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { BUILT_BIN, EXTRACT_MAX_RATIO, VERSION_MAX_RATIO, measureStartup } from '../cli/startup.ts';

if (!existsSync(BUILT_BIN)) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const f = measureStartup();
const line = (name: string, ms: number, ratio: number, max: number) =>
  `${name.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(1).padStart(5)}× node -e 0  (budget ${max}×: ${ratio <= max ? 'ok' : 'OVER'})`;
process.stdout.write(`${'node -e 0'.padEnd(22)} ${f.nodeMs.toFixed(0).padStart(5)} ms\n`);
process.stdout.write(line('cakupan --version', f.versionMs, f.versionRatio, VERSION_MAX_RATIO) + '\n');
process.stdout.write(line('cakupan extract (1)', f.extractMs, f.extractRatio, EXTRACT_MAX_RATIO) + '\n');
process.exit(f.versionRatio <= VERSION_MAX_RATIO && f.extractRatio <= EXTRACT_MAX_RATIO ? 0 : 1);
