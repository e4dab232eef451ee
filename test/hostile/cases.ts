// The hostile corpus (issue #7): every way a government API or a file can go wrong, each with the outcome every
// element and the data core must reach. A case is a file under test/hostile/files/ (written by make-files.mjs,
// served byte-for-byte under /raw/test/hostile/) or a fault of the local OCDS API (demos/api/ocds-api.js).
// test/hostile/hostile.test.ts runs every case against loadOcds (and fromOcds for files) and against every element.
import type { OcdsErrorCode } from '../../src/data/types.js';
import type { ErrorPhase } from '../../components/base/events.js';

export type CaseGroup = 'transport' | 'bytes' | 'shapes' | 'text';

/** What one run of a case may vary: a key unique to the run (request counting) and a second origin of the server. */
export interface CaseRun {
  key: string;
  /** The same test server under another host name (localhost vs 127.0.0.1): a cross-origin site. */
  otherOrigin: string;
}

export type Expected =
  | {
      outcome: 'ready';
      /** Every ocid the data must yield: listed, or read straight from a response with JSON.parse. */
      ocids: string[] | { from: (run: CaseRun) => string; read: 'package' | 'lines' };
      /** Issue codes that must be reported. */
      issues?: string[];
      /** Organisation names that must be read exactly (encodings: decoded, not mojibake). */
      names?: string[];
      /** `meta.complete` (default true). */
      complete?: boolean;
      /** Requests the server must have seen for `key` (retries). */
      requests?: number;
      /** The load must take at least this long (a Retry-After honoured). */
      minMs?: number;
    }
  | {
      outcome: 'error';
      code: OcdsErrorCode;
      phase: ErrorPhase;
      status?: number;
      requests?: number;
    };

export interface HostileCase {
  name: string;
  group: CaseGroup;
  /** Why this case exists, in a few words. */
  why: string;
  url: (run: CaseRun) => string;
  /** A file of test/hostile/files/ (also read as bytes with fromOcds). */
  file?: string;
  /** Loader options, given to elements as attributes. */
  options?: { timeout?: number; maxPages?: number };
  /** The origin the case's data lives on, when not the page's (requests may only go there). */
  origin?: (run: CaseRun) => string;
  expect: Expected;
}

const SOURCE = 'colombia';
const api = (query: string) => `/api/releases?source=${SOURCE}&${query}`;
const clean = (query = '') => () => api(query);
const raw = (file: string) => `/raw/test/hostile/files/${file}`;
const fileCase = (group: CaseGroup, file: string, why: string, expect: Expected): HostileCase => ({ name: file, group, why, url: () => raw(file), file, expect });

export const HOSTILE_CASES: HostileCase[] = [
  // Transport
  {
    name: '404',
    group: 'transport',
    why: 'a wrong address',
    url: () => '/api/no-such-endpoint',
    expect: { outcome: 'error', code: 'http-status', phase: 'fetch', status: 404 },
  },
  {
    name: '500',
    group: 'transport',
    why: 'a server error is not retried',
    url: (run) => api(`status=500&failFirst=99&key=${run.key}`),
    expect: { outcome: 'error', code: 'http-status', phase: 'fetch', status: 500, requests: 1 },
  },
  {
    name: '503 then success',
    group: 'transport',
    why: 'a busy server is retried',
    url: (run) => api(`failFirst=1&retryAfter=0&key=${run.key}`),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, requests: 2 },
  },
  {
    name: '429 with Retry-After: 1',
    group: 'transport',
    why: 'a rate limit is waited out as the server asks',
    url: (run) => api(`failFirst=1&status=429&retryAfter=1&key=${run.key}`),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, requests: 2, minMs: 950 },
  },
  {
    name: '429 every time',
    group: 'transport',
    why: 'retries are bounded (1 request + 3 retries)',
    url: (run) => api(`failFirst=99&status=429&retryAfter=0&key=${run.key}`),
    expect: { outcome: 'error', code: 'http-status', phase: 'fetch', status: 429, requests: 4 },
  },
  {
    name: 'timeout',
    group: 'transport',
    why: 'a server that never answers',
    url: () => api('delay=5000'),
    options: { timeout: 400 },
    expect: { outcome: 'error', code: 'timeout', phase: 'fetch' },
  },
  {
    name: 'connection dropped mid-body',
    group: 'transport',
    why: 'half a body, then the connection is cut',
    url: () => api('drop=1'),
    expect: { outcome: 'error', code: 'network', phase: 'fetch' },
  },
  {
    name: 'slow drip',
    group: 'transport',
    why: 'a body arriving in 8 pieces 60 ms apart is read whole',
    url: () => api('drip=60'),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' } },
  },
  {
    name: 'CORS refusal',
    group: 'transport',
    why: 'another site without Access-Control-Allow-Origin',
    url: (run) => `${run.otherOrigin}${api('cors=0')}`,
    origin: (run) => run.otherOrigin,
    expect: { outcome: 'error', code: 'network', phase: 'fetch' },
  },
  {
    name: 'redirect to another origin',
    group: 'transport',
    why: 'data that ends up on a site not allowed is not used',
    url: (run) => api(`redirect=${encodeURIComponent(run.otherOrigin + api(''))}`),
    expect: { outcome: 'error', code: 'redirect', phase: 'fetch' },
  },
  {
    name: 'links.next cycle',
    group: 'transport',
    why: 'the last page links back to the first',
    url: () => api('limit=1&loop=1'),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, issues: ['pagination-cycle'], complete: false },
  },
  {
    name: 'links.next javascript:',
    group: 'transport',
    why: 'a script URL as next page is refused',
    url: () => api(`next=${encodeURIComponent('javascript:window.__ocdsHostile="next"')}`),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, issues: ['link-refused'], complete: false },
  },
  {
    name: 'links.next file:',
    group: 'transport',
    why: 'a local file as next page is refused',
    url: () => api(`next=${encodeURIComponent('file:///etc/passwd')}`),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, issues: ['link-refused'], complete: false },
  },
  {
    name: 'links.next to another origin',
    group: 'transport',
    why: 'a next page on a site not in follow-origins is not requested',
    url: (run) => api(`next=${encodeURIComponent(`${run.otherOrigin}/api/releases?source=${SOURCE}&page=2`)}`),
    expect: { outcome: 'ready', ocids: { from: clean(), read: 'package' }, issues: ['link-not-followed'], complete: false },
  },
  {
    name: 'second page fails',
    group: 'transport',
    why: 'the pages before a failed page are kept',
    url: () => api('limit=1&onlyPage=2&status=500'),
    expect: { outcome: 'ready', ocids: { from: clean('limit=1&page=1'), read: 'package' }, issues: ['page-failed'], complete: false },
  },
  {
    name: '51 MB body',
    group: 'transport',
    why: 'the byte cap (50 MB) stops reading',
    url: () => '/api/releases?huge=51',
    expect: { outcome: 'error', code: 'too-large', phase: 'fetch' },
  },
  {
    name: 'HTML error page with 200',
    group: 'transport',
    why: 'a web page instead of data',
    url: () => api('html=1'),
    expect: { outcome: 'error', code: 'html', phase: 'fetch' },
  },
  {
    name: 'truncated JSON',
    group: 'transport',
    why: 'a package cut in half',
    url: () => api('truncate=1'),
    expect: { outcome: 'error', code: 'truncated', phase: 'parse' },
  },
  {
    name: 'truncated JSON Lines',
    group: 'transport',
    why: 'the complete lines before the cut are kept',
    url: () => `/api/releases.jsonl?source=mexico-cdmx&truncate=1`,
    expect: { outcome: 'ready', ocids: { from: () => `/api/releases.jsonl?source=mexico-cdmx&truncate=1`, read: 'lines' }, issues: ['document-truncated'] },
  },
  {
    name: 'javascript: src',
    group: 'transport',
    why: 'only http(s) addresses are loaded',
    url: () => 'javascript:window.__ocdsHostile="src"',
    expect: { outcome: 'error', code: 'bad-url', phase: 'fetch' },
  },
  {
    name: 'file: src',
    group: 'transport',
    why: 'only http(s) addresses are loaded',
    url: () => 'file:///etc/passwd',
    expect: { outcome: 'error', code: 'bad-url', phase: 'fetch' },
  },

  // Bytes
  fileCase('bytes', 'empty.json', 'a 0-byte body', { outcome: 'error', code: 'not-json', phase: 'parse' }),
  fileCase('bytes', 'not-json.txt', 'plain text', { outcome: 'error', code: 'not-json', phase: 'parse' }),
  fileCase('bytes', 'bom.json', 'a UTF-8 byte order mark', { outcome: 'ready', ocids: ['ocds-h-bom'], issues: ['bom-removed'], names: ['Papelería Núñez S.A.'] }),
  fileCase('bytes', 'nul-bytes.json', 'NUL bytes between tokens and in a name', {
    outcome: 'ready',
    ocids: ['ocds-h-nul'],
    issues: ['control-characters-removed'],
    names: ['Papelería Núñez'],
  }),
  fileCase('bytes', 'utf-16le-bom.json', 'UTF-16 LE with BOM', { outcome: 'ready', ocids: ['ocds-h-utf16'], issues: ['encoding-utf-16'], names: ['Compañía Ñandú'] }),
  fileCase('bytes', 'utf-16be.json', 'UTF-16 BE without BOM', { outcome: 'ready', ocids: ['ocds-h-utf16'], issues: ['encoding-utf-16'], names: ['Compañía Ñandú'] }),
  fileCase('bytes', 'windows-1252.json', 'Windows-1252 text', { outcome: 'ready', ocids: ['ocds-h-1252'], issues: ['encoding-windows-1252'], names: ['Compañía Ñandú – “Los Álamos”'] }),
  fileCase('bytes', 'invalid-utf-8.json', 'one byte that is not UTF-8', { outcome: 'ready', ocids: ['ocds-h-badutf8'], issues: ['encoding-windows-1252'] }),
  fileCase('bytes', 'trailing-commas.json', 'trailing commas', { outcome: 'ready', ocids: ['ocds-h-comma'], issues: ['trailing-comma-removed'] }),
  fileCase('bytes', 'concatenated.json', 'two packages back to back', { outcome: 'ready', ocids: ['ocds-h-concat-1', 'ocds-h-concat-2'] }),
  fileCase('bytes', 'lines-one-bad.jsonl', 'JSON Lines with one bad line', {
    outcome: 'ready',
    ocids: ['ocds-h-line-1', 'ocds-h-line-3'],
    issues: ['document-skipped'],
  }),
  fileCase('bytes', 'deep-nesting.json', '100,000 nested arrays beside a normal release', {
    outcome: 'ready',
    ocids: ['ocds-h-deep', 'ocds-h-shallow'],
    issues: ['too-deep'],
  }),
  fileCase('bytes', 'odd-numbers.json', '1e9999, -0 and a 30-digit id', { outcome: 'ready', ocids: ['ocds-h-numbers'], issues: ['invalid-value', 'id-number'] }),

  // Shapes
  fileCase('shapes', 'geojson.json', 'JSON that is not OCDS', { outcome: 'error', code: 'not-ocds', phase: 'validate' }),
  fileCase('shapes', 'error-object.json', 'an API error object', { outcome: 'error', code: 'not-ocds', phase: 'validate' }),
  fileCase('shapes', 'releases-null.json', 'a package with releases: null', { outcome: 'error', code: 'not-ocds', phase: 'validate' }),
  fileCase('shapes', 'missing-fields.json', 'releases without ocid, id or date beside a good one', {
    outcome: 'ready',
    ocids: ['ocds-h-kept', 'ocds-h-no-id-date'],
    issues: ['release-missing-ocid', 'release-missing-id'],
  }),
  fileCase('shapes', 'duplicate-releases.json', 'the same release twice and a reused release id', {
    outcome: 'ready',
    ocids: ['ocds-h-dup', 'ocds-h-dup-2'],
    issues: ['duplicate-release'],
  }),
  fileCase('shapes', 'records-without-releases.json', 'records with no releases', { outcome: 'ready', ocids: ['ocds-h-rec-empty', 'ocds-h-rec-empty-list'] }),
  fileCase('shapes', 'linked-releases-only.json', 'a record of linked releases (never fetched)', {
    outcome: 'ready',
    ocids: ['ocds-h-linked'],
    issues: ['linked-releases'],
    complete: false,
  }),
  fileCase('shapes', 'mixed-versions.json', 'an OCDS 1.0 release beside a 1.1 release', { outcome: 'ready', ocids: ['ocds-h-v10', 'ocds-h-v11'], names: ['Ministry of Tests', 'Old Supplier Ltd'] }),
  fileCase('shapes', 'odd-amounts.json', 'amounts as a string, a $numberLong object, negative and null', {
    outcome: 'ready',
    ocids: ['ocds-h-amounts'],
    issues: ['amount-string', 'number-wrapper', 'amount-negative'],
  }),
  fileCase('shapes', 'empty-releases-1200.json', '1,200 empty releases', { outcome: 'ready', ocids: [], issues: ['release-missing-ocid'] }),

  // Text
  fileCase('text', 'hostile-text.json', 'markup, template syntax, script URLs, bidi overrides, formulas and a 10,000-character name', {
    outcome: 'ready',
    ocids: ['script', 'img', 'template', 'url', 'bidi', 'formula', 'plus', 'minus', 'at', 'long'].map((key) => `ocds-h-text-${key}`),
    issues: ['text-too-long', 'bidi-unbalanced'],
  }),
];
