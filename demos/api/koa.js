// @web/test-runner (Koa) adapter for the local OCDS API.
// Also serves fixture files byte-for-byte under /raw/test/fixtures/...: the test server re-encodes text files
// as UTF-8 (a Latin-1 fixture arrives with U+FFFD in it), which would defeat encoding tests.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { handleOcdsApi } from './ocds-api.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const RAW_PREFIX = '/raw/test/fixtures/';

export function koaOcdsApi() {
  return async function ocdsApi(ctx, next) {
    if (ctx.path.startsWith(RAW_PREFIX)) return rawFixture(ctx, next);
    const answer = await handleOcdsApi(new URL(ctx.url, ctx.origin));
    if (!answer) return next();
    ctx.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    // Koa sends a Buffer as bytes but would serialise a plain Uint8Array as a JSON object.
    const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
    ctx.body = answer.drip ? Readable.from(dripped(body, answer.drip)) : body;
  };
}

async function rawFixture(ctx, next) {
  const file = new URL(decodeURIComponent(ctx.path.slice(RAW_PREFIX.length)), `file://${FIXTURES}`);
  const path = fileURLToPath(file);
  if (!path.startsWith(FIXTURES)) return next();
  try {
    ctx.body = await readFile(path);
  } catch {
    return next();
  }
  ctx.set('Content-Type', 'application/octet-stream');
  ctx.set('Cache-Control', 'no-store');
}

/** The body in `chunks` pieces, `intervalMs` apart (slow servers, for timeout and abort tests). */
async function* dripped(body, { chunks, intervalMs }) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const size = Math.ceil(bytes.length / chunks);
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (offset > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
    yield Buffer.from(bytes.subarray(offset, offset + size));
  }
}
