// Serves the pages under /test/csp/ with a strict Content-Security-Policy, so test/csp.test.ts can check that the
// elements render without inline scripts, inline styles or eval.
export const STRICT_CSP = "script-src 'self'; style-src 'self'";
/** The hostile-input page (test/hostile/csp.html): nothing but the page's own origin, for anything. */
export const SELF_ONLY_CSP = "default-src 'self'";

export function cspMiddleware() {
  return async function strictCsp(ctx, next) {
    await next();
    if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', STRICT_CSP);
    if (ctx.path.startsWith('/test/hostile/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', SELF_ONLY_CSP);
  };
}
