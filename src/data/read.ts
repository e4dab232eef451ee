// Bytes -> text -> JSON documents, repairing what real publishers get wrong (BOM, Latin-1, control bytes,
// trailing commas, JSON Lines with a bad line) and saying so with an issue each time.
import { OcdsError, type DataIssue } from './types.js';

/**
 * Decodes publisher bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or detected from the
 * zero bytes around the first ASCII character), and bytes that are not valid UTF-8 as windows-1252 (the
 * superset of ISO-8859-1 that Latin-1 exports really use) — with an issue, never silent mojibake.
 */
export function decodeOcdsBytes(bytes: Uint8Array, onIssue: (i: DataIssue) => void): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    onIssue({ code: 'bom-removed', path: '', message: 'The data starts with a UTF-8 byte order mark; it was removed.' });
    return decode('utf-8', bytes.subarray(3), onIssue);
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16('utf-16le', bytes.subarray(2), 'a byte order mark', onIssue);
  if (b0 === 0xfe && b1 === 0xff) return utf16('utf-16be', bytes.subarray(2), 'a byte order mark', onIssue);
  // JSON starts with ASCII characters, so UTF-16 without BOM shows zero bytes beside the first two (RFC 4627 §3);
  // both are checked so a UTF-8 file with a stray NUL after its first byte is not taken for UTF-16.
  const [, , , b3] = bytes;
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return utf16('utf-16be', bytes, 'its zero bytes', onIssue);
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return utf16('utf-16le', bytes, 'its zero bytes', onIssue);
  return decode('utf-8', bytes, onIssue);
}

function utf16(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array, evidence: string, onIssue: (i: DataIssue) => void): string {
  onIssue({
    code: 'encoding-utf-16',
    path: '',
    message: `The data is encoded as ${encoding.toUpperCase()} (recognised by ${evidence}), not UTF-8; it was decoded as such.`,
  });
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function decode(encoding: 'utf-8', bytes: Uint8Array, onIssue: (i: DataIssue) => void): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    onIssue({
      code: 'encoding-windows-1252',
      path: '',
      message: 'The data is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented names.',
    });
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A top-level document cut out of the text, already repaired, with where it started (1-based line). */
interface Piece {
  text: string;
  line: number;
  /** The text ended inside this document (unclosed bracket or string). */
  unterminated: boolean;
}

interface Repairs {
  controlRemoved: number;
  controlEscaped: number;
  trailingCommas: number;
  bomRemoved: number;
}

/**
 * Parses one JSON document, or JSON Lines / concatenated JSON into each document.
 * Throws OcdsError `not-json` (empty or unparsable), `html` (an HTML page) or `truncated` (cut-off JSON).
 * Never recursive: deeply nested input cannot overflow the stack here.
 */
export function parseOcdsText(text: string, onIssue: (i: DataIssue) => void): unknown[] {
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    body = body.slice(1);
    onIssue({ code: 'bom-removed', path: '', message: 'The text starts with a byte order mark; it was removed.' });
  }
  if (body.trim() === '') throw new OcdsError('not-json', 'The response is empty: there is no data to read.');
  try {
    return [JSON.parse(body)];
  } catch {
    // Fall through to the repairing reader.
  }
  const start = firstSignificant(body);
  if (body[start] === '<') {
    throw new OcdsError('html', 'The address returned a web page (HTML), not OCDS JSON data. Check the link to the data.');
  }

  let repairs = noRepairs();
  let parsed = parsePieces(splitDocuments(body, repairs, 1));
  // A JSON Lines file with a broken line throws the bracket counter off for the rest of the file: read it line by line.
  if (parsed.failures.length > 0 && looksLikeJsonLines(body)) {
    const lineRepairs = noRepairs();
    const byLine = parsePieces(splitLines(body, lineRepairs));
    if (byLine.documents.length > parsed.documents.length) {
      parsed = byLine;
      repairs = lineRepairs;
    }
  }
  const { documents, failures } = parsed;
  if (documents.length === 0) {
    const first = failures[0];
    if (first && first.piece.unterminated) {
      throw new OcdsError('truncated', 'The JSON data is cut off before its end (the download may have been interrupted).');
    }
    throw new OcdsError('not-json', `The data is not valid JSON${first ? `: ${first.reason}` : ''}.`);
  }
  reportRepairs(repairs, onIssue);
  for (const { piece, reason } of failures) {
    onIssue({
      code: piece.unterminated ? 'document-truncated' : 'document-skipped',
      path: `line ${piece.line}`,
      message: `The JSON document starting on line ${piece.line} could not be read (${reason}); the other ${documents.length} were kept.`,
    });
  }
  return documents;
}

function noRepairs(): Repairs {
  return { controlRemoved: 0, controlEscaped: 0, trailingCommas: 0, bomRemoved: 0 };
}

function parsePieces(pieces: Piece[]): { documents: unknown[]; failures: { piece: Piece; reason: string }[] } {
  const documents: unknown[] = [];
  const failures: { piece: Piece; reason: string }[] = [];
  for (const piece of pieces) {
    try {
      documents.push(JSON.parse(piece.text));
    } catch (error) {
      failures.push({ piece, reason: piece.unterminated ? 'it is cut off' : (error as Error).message });
    }
  }
  return { documents, failures };
}

function reportRepairs(repairs: Repairs, onIssue: (i: DataIssue) => void): void {
  if (repairs.controlRemoved > 0) {
    onIssue({
      code: 'control-characters-removed',
      path: '',
      message: `${repairs.controlRemoved} NUL or control character(s) outside JSON strings were removed.`,
    });
  }
  if (repairs.controlEscaped > 0) {
    onIssue({
      code: 'control-characters-escaped',
      path: '',
      message: `${repairs.controlEscaped} raw control character(s) inside JSON strings were escaped.`,
    });
  }
  if (repairs.bomRemoved > 0) {
    onIssue({ code: 'bom-removed', path: '', message: `${repairs.bomRemoved} byte order mark(s) between documents were removed.` });
  }
  if (repairs.trailingCommas > 0) {
    onIssue({
      code: 'trailing-comma-removed',
      path: '',
      message: `${repairs.trailingCommas} trailing comma(s) before a closing bracket were removed.`,
    });
  }
}

function firstSignificant(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 0x20) i++;
  return i;
}

/** JSON Lines: several non-empty lines, each one starting a document. */
function looksLikeJsonLines(text: string): boolean {
  let lines = 0;
  let index = 0;
  while (index < text.length) {
    const end = text.indexOf('\n', index);
    const line = text.slice(index, end === -1 ? text.length : end);
    index = end === -1 ? text.length : end + 1;
    const first = line[firstSignificant(line)];
    if (first === undefined || line.trim() === '') continue;
    if (first !== '{' && first !== '[') return false;
    lines++;
  }
  return lines >= 2;
}

function splitLines(text: string, repairs: Repairs): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  let lineNumber = 0;
  while (index < text.length) {
    const end = text.indexOf('\n', index);
    const line = text.slice(index, end === -1 ? text.length : end);
    index = end === -1 ? text.length : end + 1;
    lineNumber++;
    if (line.trim() === '') continue;
    const found = splitDocuments(line, repairs, lineNumber);
    // One line is one document: a line that splits into several (or none) is not a valid JSON Lines entry.
    if (found.length === 1) pieces.push(found[0]!);
    else pieces.push({ text: line, line: lineNumber, unterminated: false });
  }
  return pieces;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/**
 * Cuts the text into top-level documents with a bracket counter (iterative), dropping control bytes and BOMs
 * outside strings, escaping raw control characters inside strings and dropping commas before `]`/`}`.
 */
function splitDocuments(text: string, repairs: Repairs, firstLine: number): Piece[] {
  const pieces: Piece[] = [];
  let out: string[] = [];
  let segmentStart = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pendingComma = false;
  let documentStart = -1;
  let documentLine = firstLine;
  let line = firstLine;

  const flush = (end: number) => {
    if (end > segmentStart) out.push(text.slice(segmentStart, end));
  };
  const finishDocument = (end: number, unterminated: boolean) => {
    flush(end);
    segmentStart = end;
    if (pendingComma) out.push(',');
    pendingComma = false;
    pieces.push({ text: out.join(''), line: documentLine, unterminated });
    out = [];
    documentStart = -1;
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (code === BACKSLASH) escaped = true;
      else if (code === QUOTE) {
        inString = false;
        if (depth === 0) finishDocument(i + 1, false);
      } else if (code < 0x20) {
        flush(i);
        out.push(`\\u${code.toString(16).padStart(4, '0')}`);
        segmentStart = i + 1;
        repairs.controlEscaped++;
      }
      continue;
    }
    const whitespace = code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
    if (whitespace) {
      if (depth === 0 && documentStart !== -1) finishDocument(i, false); // end of a top-level scalar
      if (depth === 0) segmentStart = i + 1;
      continue;
    }
    if (code < 0x20 || code === 0x7f || code === 0xfeff) {
      flush(i);
      segmentStart = i + 1;
      if (code === 0xfeff) repairs.bomRemoved++;
      else repairs.controlRemoved++;
      continue;
    }
    const closing = code === 0x5d || code === 0x7d;
    if (pendingComma) {
      // Everything between the comma and here is whitespace or removed bytes.
      if (closing) repairs.trailingCommas++;
      else out.push(',');
      pendingComma = false;
    }
    if (depth === 0) {
      const opening = code === 0x5b || code === 0x7b || code === QUOTE;
      if (documentStart !== -1 && (opening || closing)) finishDocument(i, false); // scalar followed by a bracket
      if (documentStart === -1) {
        documentStart = i;
        documentLine = line;
        segmentStart = i;
      }
    }
    if (code === COMMA) {
      flush(i);
      segmentStart = i + 1;
      pendingComma = true;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
    } else if (closing) {
      if (depth > 0) depth--;
      if (depth === 0) finishDocument(i + 1, false);
    }
  }
  if (documentStart !== -1) finishDocument(text.length, depth > 0 || inString);
  return pieces;
}
