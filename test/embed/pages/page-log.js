// Records the page's uncaught errors and console warnings for the test that opened it.
window.pageErrors = [];
window.pageWarnings = [];
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(String(event.reason)));
const warn = console.warn.bind(console);
console.warn = (...args) => {
  window.pageWarnings.push(args.map(String).join(' '));
  warn(...args);
};
