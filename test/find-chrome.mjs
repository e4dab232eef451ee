// Finds a Chrome/Chromium binary for the browser tests and the benchmark.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  return candidates.find((path) => path && existsSync(path));
}

export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(
      '\nNo Chrome or Chromium found for the browser tests.\n' +
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  macOS: install Google Chrome, or set CHROME_PATH=/path/to/chrome\n',
    );
    process.exit(1);
  }
  return path;
}

// Flags that work as root in a container and keep Chromium off the (closed) network.
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const firefoxCandidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** Firefox, the suite's second engine (puppeteer-core drives it over WebDriver BiDi; no browser download). */
export function requireFirefox() {
  const path = firefoxCandidates.find((candidate) => candidate && existsSync(candidate));
  if (!path) {
    console.error(
      '\nNo Firefox found: the browser tests run in Chromium and Firefox.\n' +
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y firefox-esr\n' +
        '  elsewhere: install Firefox, or set FIREFOX_PATH=/path/to/firefox\n' +
        '  (OCDS_ENGINE=chromium runs the Chromium suite alone)\n',
    );
    process.exit(1);
  }
  return path;
}

const ENGINES = { chromium: requireChrome, firefox: requireFirefox };

/**
 * The engines a browser stage runs: both, or the one OCDS_ENGINE names (an unknown name exits with a message). Both
 * browsers are looked for first, so a missing one is said at once, not after the first engine's pass.
 */
export function enginesToRun() {
  const asked = process.env.OCDS_ENGINE;
  if (asked && !(asked in ENGINES)) {
    console.error(`OCDS_ENGINE=${asked}: expected ${Object.keys(ENGINES).join(' or ')} (or unset, for both).`);
    process.exit(1);
  }
  const engines = asked ? [asked] : Object.keys(ENGINES);
  for (const engine of engines) ENGINES[engine]();
  return engines;
}
