// Vite dev-server adapter for the local OCDS API (npm start).
import { handleOcdsApi } from './ocds-api.js';

export function ocdsApiPlugin() {
  return {
    name: 'ocds-api',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demos/');
          res.end();
          return;
        }
        try {
          const origin = `http://${req.headers.host ?? 'localhost'}`;
          const answer = await handleOcdsApi(new URL(req.url ?? '/', origin));
          if (!answer) return next();
          res.statusCode = answer.status;
          for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
          if (!answer.drip) {
            res.end(answer.body);
            return;
          }
          // Slow server: the body in pieces, for timeout and abort demos.
          const bytes = typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : answer.body;
          const size = Math.ceil(bytes.length / answer.drip.chunks);
          for (let offset = 0; offset < bytes.length && !res.destroyed; offset += size) {
            if (offset > 0) await new Promise((resolve) => setTimeout(resolve, answer.drip.intervalMs));
            res.write(bytes.subarray(offset, offset + size));
          }
          res.end();
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
