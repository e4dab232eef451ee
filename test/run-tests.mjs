// `npm test` browser stage: the suite (@web/test-runner) in Chromium, then in Firefox; each engine's result and
// duration is reported, and the stage fails if either fails. OCDS_ENGINE=chromium or OCDS_ENGINE=firefox runs one
// (`npm run test:chromium`, `npm run test:firefox`). Arguments (e.g. `--port 8705`) and TEST_FILES pass through.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { enginesToRun } from './find-chrome.mjs';

const engines = enginesToRun();

const config = fileURLToPath(new URL('./web-test-runner.config.mjs', import.meta.url));
const results = [];
for (const engine of engines) {
  console.log(`\n=== Browser tests in ${engine} ===\n`);
  const start = Date.now();
  const result = spawnSync('npx', ['web-test-runner', '--config', config, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, OCDS_ENGINE: engine },
  });
  results.push({ engine, status: result.status ?? 1, seconds: Math.round((Date.now() - start) / 1000) });
}

const minutes = (seconds) => `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
console.log('\nBrowser tests:');
for (const { engine, status, seconds } of results) console.log(`  ${engine.padEnd(9)} ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${minutes(seconds)}`);
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
