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
          const answer = await handleOcdsApi(new URL(req.url ?? '/', 'http://localhost'));
          if (!answer) return next();
          res.statusCode = answer.status;
          for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
          res.end(answer.body);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
