import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { requireChrome, requireFirefox, chromeArgs } from './find-chrome.mjs';
import { koaOcdsApi } from '../demos/api/koa.js';
import { cspMiddleware } from './csp-middleware.mjs';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const rootDir = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir,
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig })],
  middleware: [cspMiddleware(), koaOcdsApi()],
  // OCDS_ENGINE=firefox (npm run test:firefox): the same suite in Firefox, through puppeteer-core's WebDriver BiDi.
  browsers:
    process.env.OCDS_ENGINE === 'firefox'
      ? [chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: requireFirefox(), headless: true } })]
      : [chromeLauncher({ launchOptions: { executablePath: requireChrome(), headless: true, args: chromeArgs } })],
};
