// Serves the pages under /test/csp/ with a strict Content-Security-Policy, so test/csp.test.ts can check that the
// elements render without inline scripts, inline styles or eval.
export const STRICT_CSP = "script-src 'self'; style-src 'self'";

export function cspMiddleware() {
  return async function strictCsp(ctx, next) {
    await next();
    if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}
