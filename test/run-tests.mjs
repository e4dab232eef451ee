// `npm test` browser stage: checks for Chromium with a clear message, then runs @web/test-runner.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireChrome } from './find-chrome.mjs';

if (process.env.OCDS_ENGINE !== 'firefox') requireChrome();
const config = fileURLToPath(new URL('./web-test-runner.config.mjs', import.meta.url));
const result = spawnSync('npx', ['web-test-runner', '--config', config, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
