// @web/test-runner (Koa) adapter for the local OCDS API.
import { handleOcdsApi } from './ocds-api.js';

export function koaOcdsApi() {
  return async function ocdsApi(ctx, next) {
    const answer = await handleOcdsApi(new URL(ctx.url, 'http://localhost'));
    if (!answer) return next();
    ctx.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    ctx.body = answer.body;
  };
}
