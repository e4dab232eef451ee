// @web/test-runner (Koa) adapter for the local OCDS API.
// Also serves fixture files byte-for-byte under /raw/test/fixtures/... and /raw/test/hostile/...: the test server
// re-encodes text files as UTF-8 (a Latin-1 fixture arrives with U+FFFD in it), which would defeat encoding tests.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { handleOcdsApi } from './ocds-api.js';

const TEST_DIR = fileURLToPath(new URL('../../test/', import.meta.url));
const RAW_PREFIX = '/raw/test/';
const RAW_DIRS = ['fixtures/', 'hostile/'];
const PADDING_CHUNK = 1024 * 1024;

export function koaOcdsApi() {
  return async function ocdsApi(ctx, next) {
    if (ctx.path.startsWith(RAW_PREFIX)) return rawFixture(ctx, next);
    const answer = await handleOcdsApi(new URL(ctx.url, ctx.origin));
    if (!answer) return next();
    ctx.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    // Koa sends a Buffer as bytes but would serialise a plain Uint8Array as a JSON object.
    const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
    if (answer.padding) ctx.body = Readable.from(padded(body, answer.padding));
    else if (answer.drop) ctx.body = Readable.from(dropped(body, ctx.req.socket));
    else ctx.body = answer.drip ? Readable.from(dripped(body, answer.drip)) : body;
  };
}

async function rawFixture(ctx, next) {
  const file = new URL(decodeURIComponent(ctx.path.slice(RAW_PREFIX.length)), `file://${TEST_DIR}`);
  const path = fileURLToPath(file);
  if (!RAW_DIRS.some((dir) => path.startsWith(TEST_DIR + dir))) return next();
  try {
    ctx.body = await readFile(path);
  } catch {
    return next();
  }
  ctx.set('Content-Type', 'application/octet-stream');
  ctx.set('Cache-Control', 'no-store');
}

/** `body`, then `padding.bytes` bytes of filler, then the suffix: a large body without holding it in memory. */
async function* padded(body, padding) {
  yield Buffer.from(body);
  const chunk = Buffer.alloc(PADDING_CHUNK, 'x');
  for (let left = padding.bytes; left > 0; left -= PADDING_CHUNK) yield left >= PADDING_CHUNK ? chunk : chunk.subarray(0, left);
  yield Buffer.from(padding.suffix);
}

/** Half the body, then the connection is cut (the browser sees a network error while reading). */
async function* dropped(body, socket) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  yield bytes.subarray(0, Math.floor(bytes.length / 2));
  await new Promise((resolve) => setTimeout(resolve, 20));
  socket.destroy();
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
