import { expect } from '@open-wc/testing';
import { decodeOcdsBytes, parseOcdsText } from '../../src/data/read.js';
import { OcdsError, type DataIssue } from '../../src/data/types.js';

// Byte-for-byte: the test server re-encodes text files it serves itself (see demos/api/koa.js).
const FIXTURES = '/raw/test/fixtures/ocds/';

async function fixtureBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(FIXTURES + path);
  expect(response.ok, path).to.equal(true);
  return new Uint8Array(await response.arrayBuffer());
}

function collect(): { issues: DataIssue[]; onIssue: (i: DataIssue) => void } {
  const issues: DataIssue[] = [];
  return { issues, onIssue: (issue) => issues.push(issue) };
}

function codes(issues: DataIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

function thrown(run: () => unknown): OcdsError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(OcdsError);
    return error as OcdsError;
  }
  throw new Error('expected an OcdsError');
}

/** UTF-16 code units as bytes, little- or big-endian. */
function utf16Bytes(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

const SAMPLE = { ocid: 'ocds-213czf-Ñandú/1', id: '1', tender: { title: 'Adquisición de café' } };

describe('decodeOcdsBytes', () => {
  it('decodes UTF-8 and removes a UTF-8 byte order mark with an issue', () => {
    const utf8 = new TextEncoder().encode(JSON.stringify(SAMPLE));
    const plain = collect();
    expect(decodeOcdsBytes(utf8, plain.onIssue)).to.equal(JSON.stringify(SAMPLE));
    expect(plain.issues).to.have.length(0);

    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const bom = collect();
    expect(decodeOcdsBytes(withBom, bom.onIssue)).to.equal(JSON.stringify(SAMPLE));
    expect(codes(bom.issues)).to.deep.equal(['bom-removed']);
  });

  for (const [label, littleEndian, bom] of [
    ['UTF-16LE with BOM', true, true],
    ['UTF-16BE with BOM', false, true],
    ['UTF-16LE without BOM', true, false],
    ['UTF-16BE without BOM', false, false],
  ] as const) {
    it(`decodes ${label} with an issue`, () => {
      const { issues, onIssue } = collect();
      const text = decodeOcdsBytes(utf16Bytes(JSON.stringify(SAMPLE), littleEndian, bom), onIssue);
      expect(JSON.parse(text)).to.deep.equal(SAMPLE);
      expect(codes(issues)).to.deep.equal(['encoding-utf-16']);
    });
  }

  it('does not take UTF-8 with a NUL after the first byte for UTF-16', () => {
    const { issues, onIssue } = collect();
    const bytes = new TextEncoder().encode('{\u0000"ocid": "ocds-1"}');
    expect(decodeOcdsBytes(bytes, onIssue)).to.equal('{\u0000"ocid": "ocds-1"}');
    expect(issues).to.have.length(0);
  });

  it('reads the real ISO-8859-1 CDMX package as Windows-1252 with an issue, equal to its UTF-8 copy', async () => {
    const latin1 = await fixtureBytes('invalid/real-world/ocdskit/release-package_encoding-iso-8859-1.json');
    const utf8 = await fixtureBytes('merge/ocdskit-realdata-cdmx-encoding/release-package_encoding-utf-8.json');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(latin1)).to.throw();
    const { issues, onIssue } = collect();
    const text = decodeOcdsBytes(latin1, onIssue);
    expect(codes(issues)).to.deep.equal(['encoding-windows-1252']);
    expect(JSON.parse(text)).to.deep.equal(JSON.parse(new TextDecoder().decode(utf8)));
    expect(text).not.to.include('\ufffd');
  });
});

describe('parseOcdsText', () => {
  it('parses one JSON document without issues', () => {
    const { issues, onIssue } = collect();
    expect(parseOcdsText(JSON.stringify(SAMPLE), onIssue)).to.deep.equal([SAMPLE]);
    expect(issues).to.have.length(0);
  });

  it('removes a BOM at the start of the text with an issue', () => {
    const { issues, onIssue } = collect();
    expect(parseOcdsText('\ufeff' + JSON.stringify(SAMPLE), onIssue)).to.deep.equal([SAMPLE]);
    expect(codes(issues)).to.deep.equal(['bom-removed']);
  });

  it('removes the control byte before the real kingfisher-process record package, with an issue', async () => {
    const text = new TextDecoder().decode(await fixtureBytes('invalid/kingfisher-process/sample_1_0_record_with_control_codes.json'));
    expect(() => JSON.parse(text)).to.throw();
    const expected = JSON.parse(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    const { issues, onIssue } = collect();
    expect(parseOcdsText(text, onIssue)).to.deep.equal([expected]);
    expect(codes(issues)).to.deep.equal(['control-characters-removed']);
  });

  it('removes NUL bytes outside strings and escapes control characters inside strings', () => {
    const { issues, onIssue } = collect();
    const parsed = parseOcdsText('\u0000{"title": "a\tb",\u0000 "n": 1}\u0000', onIssue);
    expect(parsed).to.deep.equal([{ title: 'a\tb', n: 1 }]);
    expect(codes(issues).sort()).to.deep.equal(['control-characters-escaped', 'control-characters-removed']);
  });

  it('repairs the trailing comma in the real GobiernoFacil CDMX file, with an issue', async () => {
    const text = new TextDecoder().decode(await fixtureBytes('invalid/real-world/GobiernoFacil-ocds-CDMX/OCDS-87SD3T-SEFIN-DRM-A-015-2015.json'));
    expect(() => JSON.parse(text)).to.throw();
    const expected = JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
    const { issues, onIssue } = collect();
    expect(parseOcdsText(text, onIssue)).to.deep.equal([expected]);
    expect(codes(issues)).to.deep.equal(['trailing-comma-removed']);
    expect(issues[0]!.message).to.include('1 trailing comma');
  });

  it('keeps commas inside strings when repairing', () => {
    const { onIssue } = collect();
    expect(parseOcdsText('{"a": ",]", "b": [1, 2,],}', onIssue)).to.deep.equal([{ a: ',]', b: [1, 2] }]);
  });

  it('reads JSON Lines of real release packages, one document per line', async () => {
    const text = new TextDecoder().decode(await fixtureBytes('merge/ocdskit-realdata-cdmx/release-package_split.json'));
    const expected = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
    expect(expected.length).to.be.greaterThan(1);
    const { issues, onIssue } = collect();
    expect(parseOcdsText(text, onIssue)).to.deep.equal(expected);
    expect(issues).to.have.length(0);
  });

  it('keeps the good lines of JSON Lines with one bad line, with an issue naming the line', () => {
    const { issues, onIssue } = collect();
    const text = '{"ocid": "a", "id": "1"}\n{"ocid": "b", "id": \n{"ocid": "c", "id": "3"}\n';
    expect(parseOcdsText(text, onIssue)).to.deep.equal([
      { ocid: 'a', id: '1' },
      { ocid: 'c', id: '3' },
    ]);
    expect(issues).to.have.length(1);
    expect(issues[0]!.path).to.equal('line 2');
  });

  it('repairs a list written one item per line without mistaking it for JSON Lines', () => {
    const { issues, onIssue } = collect();
    expect(parseOcdsText('[{"a": 1},\n{"b": 2},]', onIssue)).to.deep.equal([[{ a: 1 }, { b: 2 }]]);
    expect(codes(issues)).to.deep.equal(['trailing-comma-removed']);
  });

  it('splits concatenated JSON documents, pretty-printed or not', () => {
    const { issues, onIssue } = collect();
    const text = '{\n  "a": 1\n}\n{\n  "b": [1, 2]\n}[3]"s"';
    expect(parseOcdsText(text, onIssue)).to.deep.equal([{ a: 1 }, { b: [1, 2] }, [3], 's']);
    expect(issues).to.have.length(0);
  });

  it('parses a 100,000-deep array without overflowing the stack, on the fast and the repairing path', () => {
    const depth = 100_000;
    const deepest = (value: unknown): number => {
      let levels = 0;
      let current = value;
      while (Array.isArray(current)) {
        levels++;
        current = current[0];
      }
      return levels;
    };
    const { onIssue } = collect();
    const fast = parseOcdsText('['.repeat(depth) + ']'.repeat(depth), onIssue);
    expect(deepest(fast[0])).to.equal(depth);
    const { issues, onIssue: onRepair } = collect();
    const repaired = parseOcdsText('['.repeat(depth) + '1,' + ']'.repeat(depth), onRepair);
    expect(deepest(repaired[0])).to.equal(depth);
    expect(codes(issues)).to.deep.equal(['trailing-comma-removed']);
  });

  it('rejects the real empty file and whitespace as not-json', async () => {
    const empty = new TextDecoder().decode(await fixtureBytes('invalid/real-world/sample-data-paraguay/283826.json'));
    expect(empty).to.equal('');
    expect(thrown(() => parseOcdsText(empty, () => undefined)).code).to.equal('not-json');
    expect(thrown(() => parseOcdsText(' \n\t ', () => undefined)).code).to.equal('not-json');
  });

  it('rejects an HTML page as html, cut-off JSON as truncated and other text as not-json', () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    expect(thrown(() => parseOcdsText(html, () => undefined)).code).to.equal('html');
    const full = JSON.stringify({ releases: [SAMPLE, SAMPLE] });
    expect(thrown(() => parseOcdsText(full.slice(0, Math.floor(full.length / 2)), () => undefined)).code).to.equal('truncated');
    expect(thrown(() => parseOcdsText('ocid,amount\nocds-1,12', () => undefined)).code).to.equal('not-json');
  });
});
