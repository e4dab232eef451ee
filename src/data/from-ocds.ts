// fromOcds: any in-memory OCDS input -> Dataset, synchronously.
import { OcdsError, type DataIssue, type Dataset } from './types.js';
import { decodeOcdsBytes, parseOcdsText } from './read.js';
import { readOcdsContent } from './shapes.js';
import { buildDataset } from './dataset.js';

/**
 * Reads OCDS from a parsed JSON value (package, record, release, or an array of these), JSON or JSON Lines text,
 * or bytes (`ArrayBuffer`/`Uint8Array`, so the encoding can be detected). A parsed value is copied first, as JSON
 * (so the caller's object is never modified by the repairs): any plain-object view of the data — a framework's
 * reactive Proxy, a frozen object, an object from another window — reads exactly like the object itself, where
 * `structuredClone` throws on a Proxy. Input that cannot be used at all throws an `OcdsError`.
 */
export function fromOcds(input: unknown, options: { root?: string } = {}): Dataset {
  try {
    const issues: DataIssue[] = [];
    const onIssue = (issue: DataIssue) => issues.push(issue);
    let documents: unknown[];
    let bytes: number;
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      const view = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      bytes = view.byteLength;
      documents = parseOcdsText(decodeOcdsBytes(view, onIssue), onIssue);
    } else if (typeof input === 'string') {
      bytes = utf8Length(input);
      documents = parseOcdsText(input, onIssue);
    } else if (typeof input === 'object' && input !== null) {
      bytes = 0;
      documents = [JSON.parse(JSON.stringify(input)) as unknown];
    } else {
      throw new OcdsError('not-ocds', `fromOcds needs OCDS JSON (an object, text or bytes), not ${input === null ? 'null' : typeof input}.`);
    }
    const contents = documents.map((document) => readOcdsContent(document, { root: options.root }, onIssue));
    return buildDataset(contents, { issues, pages: documents.length, bytes });
  } catch (error) {
    if (error instanceof OcdsError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new OcdsError('not-ocds', `The data could not be read as OCDS: ${reason}`, { cause: error });
  }
}

/** UTF-8 byte length of a string, without encoding it all at once. */
function utf8Length(text: string): number {
  // Well-formed text (no lone surrogates) is measured by the encoder, a block at a time into one small buffer.
  if ((text as { isWellFormed?: () => boolean }).isWellFormed?.()) {
    let length = 0;
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + UTF8_BLOCK, text.length);
      // Never split a surrogate pair between two blocks.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      length += utf8Encoder.encodeInto(text.slice(start, end), utf8Block).written;
      start = end;
    }
    return length;
  }
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

const UTF8_BLOCK = 16_384;
// Three bytes at most per UTF-16 code unit.
const utf8Block = new Uint8Array(UTF8_BLOCK * 3);
const utf8Encoder = new TextEncoder();
