import { expect } from '@open-wc/testing';
import { fromOcds, normaliseCurrency, organisationKey } from '../../src/index.js';

const OCID = 'ocds-test-1';

describe('organisationKey', () => {
  it('gives one key to the same RFC under different spellings of the scheme', () => {
    const keys = [
      'RFC',
      'MX-RFC',
      'Registro Federal de Contribuyentes',
      'Registro Federal de Contribuyentes de México',
      'REGISTRO FEDERAL DE CONTRIBUYENTES (RFC)',
      ' rfc ',
      'mx rfc',
      'MX_RFC',
    ]
      .map((scheme) => organisationKey({ identifier: { scheme, id: 'TCM951030A17' }, name: 'Tiendas' }, OCID));
    expect(new Set(keys).size).to.equal(1);
    expect(keys[0]).to.equal('MX-RFC/TCM951030A17');
  });

  it('ignores case, spaces and hyphens in the identifier', () => {
    expect(organisationKey({ identifier: { scheme: 'RFC', id: 'tcm-951030-a17' } }, OCID)).to.equal(
      organisationKey({ identifier: { scheme: 'MX-RFC', id: 'TCM951030A17' } }, OCID),
    );
  });

  it('writes org-id codes one way', () => {
    expect(organisationKey({ identifier: { scheme: 'gb_coh', id: '0123' } }, OCID)).to.equal('GB-COH/0123');
    expect(organisationKey({ identifier: { scheme: 'GB.COH', id: '0123' } }, OCID)).to.equal('GB-COH/0123');
  });

  it('keeps different registers apart', () => {
    expect(organisationKey({ identifier: { scheme: 'GB-COH', id: '123' } }, OCID)).to.not.equal(
      organisationKey({ identifier: { scheme: 'UA-EDR', id: '123' } }, OCID),
    );
  });

  it('falls back to the name when the identifier is a placeholder', () => {
    for (const id of ['XAXX010101000', 'XEXX010101000', '', '0', '000000', 'N/A', 'n/a', '-', 'NULL']) {
      const key = organisationKey({ identifier: { scheme: 'RFC', id }, name: 'Papelería López, S.A. de C.V.' }, OCID);
      expect(key, id).to.equal('name:papeleria lopez');
    }
  });

  it('falls back to the name when there is no scheme or no id', () => {
    // A scheme-less id that is not an RFC (a feed's own numbering) is not an identity.
    expect(organisationKey({ identifier: { id: '1' }, name: 'Tiendas Comercial Mexicana' }, OCID)).to.equal(
      'name:tiendas comercial mexicana',
    );
    expect(organisationKey({ identifier: { id: 'TCM951030A17' }, name: 'Tiendas Comercial Mexicana' }, OCID)).to.equal(
      'MX-RFC/TCM951030A17',
    );
    expect(organisationKey({ identifier: { scheme: 'RFC' }, name: 'Tiendas Comercial Mexicana' }, OCID)).to.equal(
      'name:tiendas comercial mexicana',
    );
  });

  it('gives one key to name variants: case, accents, punctuation and legal forms', () => {
    const variants = [
      'CONSTRUCTORA PÉREZ, S.A. DE C.V.',
      'Constructora Perez SA DE CV',
      'constructora  pérez s. a. de c. v.',
      'Constructora Pérez',
      'CONSTRUCTORA PEREZ S.A DE C', // truncated by the publisher's export
    ];
    const keys = variants.map((name) => organisationKey({ name }, OCID));
    expect(new Set(keys)).to.deep.equal(new Set(['name:constructora perez']));
    const others = ['Acme Ltd', 'ACME LIMITED', 'Acme, Inc.', 'Acme LLC', 'Acme S.R.L.', 'ACME SA'];
    expect(new Set(others.map((name) => organisationKey({ name }, OCID)))).to.deep.equal(new Set(['name:acme']));
  });

  it('does not merge different names', () => {
    expect(organisationKey({ name: 'Constructora Pérez' }, OCID)).to.not.equal(organisationKey({ name: 'Constructora Gómez' }, OCID));
  });

  it('falls back to the party id, scoped to the process, when there is neither identifier nor name', () => {
    expect(organisationKey({ id: 'p1', name: '' }, OCID)).to.equal(`party:${OCID}/p1`);
    expect(organisationKey({ id: 'p1' }, 'ocds-other')).to.not.equal(organisationKey({ id: 'p1' }, OCID));
    expect(organisationKey({ id: 7, identifier: { scheme: 'RFC', id: 'XAXX010101000' } }, OCID)).to.equal(`party:${OCID}/7`);
  });
});

describe('normaliseCurrency', () => {
  it('trims, upper-cases and corrects known typos', () => {
    expect(normaliseCurrency(' mxn ')).to.equal('MXN');
    expect(normaliseCurrency('mdl')).to.equal('MDL');
    expect(normaliseCurrency('MNX')).to.equal('MXN');
    expect(normaliseCurrency('PYG')).to.equal('PYG');
  });
  it('gives undefined for what is not a currency', () => {
    for (const value of ['', 'string from currency codelist', 'PESOS', 'ZZZ', null, undefined, 484]) {
      expect(normaliseCurrency(value), String(value)).to.equal(undefined);
    }
  });
});

describe('Dataset.organisations', () => {
  const release = (ocid: string, supplier: Record<string, unknown>, amount: number) => ({
    ocid,
    id: `${ocid}-1`,
    date: '2020-01-01T00:00:00Z',
    tag: ['award'],
    parties: [{ id: 's', roles: ['supplier'], ...supplier }],
    awards: [{ id: 'a', status: 'active', value: { amount, currency: 'MXN' }, suppliers: [{ id: 's', name: supplier.name }] }],
  });

  it('joins one organisation across processes and keeps every name variant, most frequent first', () => {
    const dataset = fromOcds({
      releases: [
        release('ocds-a', { name: 'Papelería López SA de CV', identifier: { scheme: 'RFC', id: 'PLO010101AB1' } }, 10),
        release('ocds-b', { name: 'PAPELERIA LOPEZ, S.A. DE C.V.', identifier: { scheme: 'MX-RFC', id: 'PLO010101AB1' } }, 20),
        release('ocds-c', { name: 'PAPELERIA LOPEZ, S.A. DE C.V.', identifier: { scheme: 'Registro Federal de Contribuyentes', id: 'PLO010101AB1' } }, 30),
        // A placeholder identifier: the name decides, and it is the same company.
        release('ocds-d', { name: 'Papelería López', identifier: { scheme: 'RFC', id: 'XAXX010101000' } }, 40),
      ],
    });
    const keys = dataset.processes.map((process) => process.awards[0].suppliers[0].key);
    expect(keys.slice(0, 3)).to.deep.equal(['MX-RFC/PLO010101AB1', 'MX-RFC/PLO010101AB1', 'MX-RFC/PLO010101AB1']);
    expect(keys[3]).to.equal('name:papeleria lopez');
    const organisation = dataset.organisations.get('MX-RFC/PLO010101AB1');
    expect(organisation?.names).to.deep.equal(['PAPELERIA LOPEZ, S.A. DE C.V.', 'Papelería López SA de CV']);
    expect(organisation?.identifier).to.deep.equal({ scheme: 'MX-RFC', id: 'PLO010101AB1' });
  });
});
