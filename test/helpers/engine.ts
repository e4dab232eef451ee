// Which engine runs the suite (`npm test`: Chromium; `npm run test:firefox`: Firefox over WebDriver BiDi).
export const isFirefox = navigator.userAgent.includes('Firefox/');

/**
 * Media emulation (prefers-color-scheme) goes through the Chrome DevTools Protocol, which puppeteer's Firefox
 * driver (WebDriver BiDi) does not offer: tests that need it run in Chromium only.
 */
export const canEmulateMedia = !isFirefox;
