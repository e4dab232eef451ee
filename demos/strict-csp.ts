// Counts Content-Security-Policy violations on demos/strict-csp.html, so a regression shows on the page.
const output = document.getElementById('violations')!;
let violations = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  violations++;
  output.textContent = `${violations} (last: ${event.violatedDirective} ${event.blockedURI})`;
});
