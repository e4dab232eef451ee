// Every malformed file gives either an OcdsError with a clear code or a Dataset with issues — never another exception.
import { expect } from '@open-wc/testing';
import { fromOcds, OcdsError, type Dataset } from '../../src/index.js';

// Byte-for-byte: the test server re-encodes text files it serves itself (see demos/api/koa.js).
const FIXTURES = '/raw/test/fixtures/ocds/';

// The browser cannot list a directory: this list must match `find test/fixtures/ocds/invalid -type f` (4 files).
const INVALID_FILES = [
  'invalid/kingfisher-process/sample_1_0_record_with_control_codes.json',
  'invalid/real-world/GobiernoFacil-ocds-CDMX/OCDS-87SD3T-SEFIN-DRM-A-015-2015.json',
  'invalid/real-world/ocdskit/release-package_encoding-iso-8859-1.json',
  'invalid/real-world/sample-data-paraguay/283826.json',
];

async function bytesOf(path: string): Promise<ArrayBuffer> {
  const response = await fetch(FIXTURES + path);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The outcome of fromOcds: a Dataset, or the OcdsError it threw. Any other exception fails the test. */
function outcome(input: unknown): Dataset | OcdsError {
  try {
    return fromOcds(input);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(OcdsError);
    const ocdsError = error as OcdsError;
    expect(ocdsError.name).to.equal('OcdsError');
    expect(ocdsError.code).to.be.a('string').and.not.equal('');
    expect(ocdsError.message).to.be.a('string').and.not.equal('');
    return ocdsError;
  }
}

function expectDatasetWithIssue(result: Dataset | OcdsError, code: string): Dataset {
  if (result instanceof OcdsError) throw new Error(`expected a Dataset, got OcdsError ${result.code}: ${result.message}`);
  expect(result.issues.map((i) => i.code)).to.include(code);
  return result;
}

describe('invalid files through fromOcds', () => {
  for (const file of INVALID_FILES) {
    it(`${file}: an OcdsError with a code, or a Dataset with issues`, async () => {
      const result = outcome(await bytesOf(file));
      if (!(result instanceof OcdsError)) expect(result.issues.length).to.be.greaterThan(0);
    });
  }

  it('a 0-byte file (failed fetch) is an OcdsError "not-json"', async () => {
    const result = outcome(await bytesOf('invalid/real-world/sample-data-paraguay/283826.json'));
    expect(result).to.be.instanceOf(OcdsError);
    expect((result as OcdsError).code).to.equal('not-json');
  });

  it('a record package starting with control bytes is read, with an issue', async () => {
    const bytes = await bytesOf('invalid/kingfisher-process/sample_1_0_record_with_control_codes.json');
    expect(new Uint8Array(bytes)[0]).to.equal(0x10);
    const dataset = expectDatasetWithIssue(outcome(bytes), 'control-characters-removed');
    // Same content once the control bytes are gone: the ocids as JSON.parse sees them.
    const text = new TextDecoder().decode(bytes).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    const raw = JSON.parse(text);
    const ocids = new Set((raw.records as { ocid: string }[]).map((record) => record.ocid));
    expect(new Set(dataset.processes.map((p) => p.ocid))).to.deep.equal(ocids);
  });

  it('a real export with a trailing comma is read, with an issue', async () => {
    const dataset = expectDatasetWithIssue(
      outcome(await bytesOf('invalid/real-world/GobiernoFacil-ocds-CDMX/OCDS-87SD3T-SEFIN-DRM-A-015-2015.json')),
      'trailing-comma-removed',
    );
    expect(dataset.processes.map((p) => p.ocid)).to.deep.equal(['OCDS-87SD3T-SEFIN/DRM/A/015/2015']);
  });

  it('an ISO-8859-1 package reads the same as its UTF-8 original, with an encoding issue', async () => {
    const latin1 = expectDatasetWithIssue(
      outcome(await bytesOf('invalid/real-world/ocdskit/release-package_encoding-iso-8859-1.json')),
      'encoding-windows-1252',
    );
    const utf8Bytes = await bytesOf('merge/ocdskit-realdata-cdmx-encoding/release-package_encoding-utf-8.json');
    const utf8 = fromOcds(utf8Bytes);
    const names = (dataset: Dataset) => dataset.processes.map((p) => [p.ocid, p.title, p.buyer?.name, p.awards.map((a) => a.suppliers.map((s) => s.name))]);
    expect(names(latin1)).to.deep.equal(names(utf8));
    const raw = JSON.parse(new TextDecoder().decode(utf8Bytes));
    expect(latin1.processes.length).to.equal(new Set((raw.releases as { ocid: string }[]).map((r) => r.ocid)).size);
    expect(JSON.stringify(latin1.processes.map((p) => p.compiledRelease))).to.match(/[ÁÉÍÓÚÑáéíóúñ]/);
  });

  const hostile: [string, unknown, string][] = [
    ['truncated JSON', '{"releases": [{"ocid": "ocds-1", "id": "1"', 'truncated'],
    ['an HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'html'],
    ['JSON that is not OCDS', '{"type": "FeatureCollection", "features": []}', 'not-ocds'],
    ['a number', 42, 'not-ocds'],
    ['null', null, 'not-ocds'],
    ['a list of strings', ['a', 'b'], 'not-ocds'],
  ];
  for (const [label, input, code] of hostile) {
    it(`${label} is an OcdsError "${code}"`, () => {
      const result = outcome(input);
      expect(result).to.be.instanceOf(OcdsError);
      expect((result as OcdsError).code).to.equal(code);
    });
  }

  it('a package whose releases are all unusable is a Dataset with issues, not an exception', () => {
    const dataset = expectDatasetWithIssue(outcome({ releases: [{ id: 'x' }, 7, { ocid: '' }] }), 'release-missing-ocid');
    expect(dataset.processes).to.deep.equal([]);
  });
});
