/**
 * The floor for reading OCDS from the network: fetch each page, decode, `JSON.parse`, follow `links.next` — and
 * nothing else. Returns the parsed packages, the bytes received and the time spent in `JSON.parse` alone.
 */
export async function readPages(url) {
  const packages = [];
  let bytes = 0;
  let parseMs = 0;
  const decoder = new TextDecoder();
  for (let next = url; next; ) {
    const response = await fetch(next, { credentials: 'omit' });
    const buffer = await response.arrayBuffer();
    bytes += buffer.byteLength;
    const text = decoder.decode(buffer);
    const start = performance.now();
    const pkg = JSON.parse(text);
    parseMs += performance.now() - start;
    packages.push(pkg);
    next = pkg.links?.next;
  }
  return { packages, bytes, parseMs };
}

/** Milliseconds to read `url` the floor's way. */
export async function timeReadPages(url) {
  const start = performance.now();
  await readPages(url);
  return performance.now() - start;
}
