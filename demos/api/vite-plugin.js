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
          if (answer.padding) {
            // A large body streamed in 1 MB pieces, not held in memory.
            res.write(answer.body);
            const chunk = Buffer.alloc(1024 * 1024, 'x');
            for (let left = answer.padding.bytes; left > 0 && !res.destroyed; left -= chunk.length) {
              if (!res.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) {
                await new Promise((resolve) => {
                  res.once('drain', resolve);
                  res.once('close', resolve);
                });
              }
            }
            res.end(answer.padding.suffix);
            return;
          }
          if (answer.drop) {
            // Half the body, then the connection is cut.
            const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
            res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            setTimeout(() => res.destroy(), 20);
            return;
          }
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
