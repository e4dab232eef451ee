// Seeded, reproducible OCDS release generator for the benchmark, built from the shapes of the real fixtures
// (test/fixtures/ocds/real): Mexico City / federal 1.0-style releases with inline organisations and
// `transactions[].amount` + `providerOrganization`; 1.1-style releases with `parties`, as INAI publishes them;
// Paraguay's PYG awards with several suppliers; USD processes beside MXN and PYG; the quirks publishers ship
// (amounts as strings, lower-case currencies, placeholder identifiers). Each contracting process publishes one
// release per stage it reaches (planning -> tender -> award -> contract -> implementation), so merging is exercised,
// and the whole list is ordered newest first, as APIs list it, so one process's releases fall on different pages.
//
//   node bench/generate.mjs 1000 > releases.json     (one release package on stdout; optional second argument: seed)
// Pure functions, no Node APIs: test/bench/generate.test.ts runs them in the browser.

export const DEFAULT_SEED = 20151;
export const PAGE_SIZE = 100;

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; same seed, same datasets, on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTools(seed) {
  const random = mulberry32(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  // Amounts spread over orders of magnitude, like real procurement (a few huge contracts, many small ones).
  const logUniform = (min, max) => Math.round(Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min))) * 100) / 100;
  return { random, int, pick, chance, logUniform };
}

const BUYER_UNITS = ['Secretaría de Finanzas', 'Secretaría de Salud', 'Secretaría de Obras y Servicios', 'Instituto Nacional de Transparencia',
  'Sistema de Aguas', 'Secretaría de Educación', 'Ministerio de Salud Pública', 'Dirección Nacional de Vialidad',
  'Instituto de Previsión Social', 'Grupo Aeroportuario', 'Secretaría de Movilidad', 'Servicio de Transportes Eléctricos'];
const BUYER_PLACES = ['Ciudad de México', 'Jalisco', 'Nuevo León', 'Asunción', 'Central', 'Puebla', 'Oaxaca', 'Alto Paraná', 'Yucatán', 'Sonora'];
const SUPPLIER_WORDS = ['Comunic@rte', 'Data Lab', 'Parasur', 'Constructora', 'Servicios Integrales', 'Tecnología', 'Distribuidora',
  'Grupo Industrial', 'Consultores', 'Suministros Médicos', 'Ingeniería', 'Mantenimiento', 'Papelería', 'Alimentos', 'Transportes',
  'Soluciones', 'Equipos', 'Farmacéutica', 'Obras Civiles', 'Seguridad Privada'];
const SUPPLIER_PLACES = ['del Norte', 'del Sur', 'del Valle', 'Mexicana', 'Paraguaya', 'Central', 'del Pacífico', 'Guaraní', 'Azteca', 'Andina'];
const LEGAL_FORMS = ['S.A. de C.V.', 'SA', 'S.R.L.', 'S.A.', 'SA de CV', 'S. de R.L. de C.V.'];
const ITEMS = [
  ['COMPUTADORA PORTÁTIL', '43211503', 'Pieza'], ['SERVICIO DE LIMPIEZA', '76111501', 'Servicio'],
  ['MEDICAMENTOS GENÉRICOS', '51101500', 'Caja'], ['MANTENIMIENTO DE VEHÍCULOS', '78180100', 'Servicio'],
  ['PAPEL BOND TAMAÑO CARTA', '14111507', 'Paquete'], ['OBRA DE PAVIMENTACIÓN', '72141103', 'Metro cuadrado'],
  ['VALES DE DESPENSA', '53131600', 'Vale'], ['CONSULTORÍA EN SISTEMAS', '81111500', 'Hora'],
  ['COMBUSTIBLE DIÉSEL', '15101505', 'Litro'], ['UNIFORMES', '53102700', 'Pieza'],
];
const METHODS = [['open', 'Licitación pública'], ['selective', 'Invitación a cuando menos tres personas'], ['direct', 'Adjudicación directa']];
const CATEGORIES = ['goods', 'services', 'works'];

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function rfc(t, short) {
  let s = '';
  for (let i = 0; i < (short ? 3 : 4); i++) s += t.pick(letters);
  s += String(t.int(40, 99)) + String(t.int(1, 12)).padStart(2, '0') + String(t.int(1, 28)).padStart(2, '0');
  for (let i = 0; i < 3; i++) s += t.pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');
  return s;
}

/** Organisation pools scale with the dataset, so bigger datasets also have more distinct buyers and suppliers. */
function makeOrganisations(t, buyerCount, supplierCount) {
  const buyers = [];
  for (let i = 0; i < buyerCount; i++) {
    const paraguay = i % 5 === 4;
    buyers.push({
      name: `${t.pick(BUYER_UNITS)} — ${t.pick(BUYER_PLACES)} ${i + 1}`,
      identifier: paraguay ? { scheme: 'PY-RUC', id: `${t.int(80000000, 80099999)}-${t.int(0, 9)}` } : { scheme: 'MX-RFC', id: rfc(t, true) },
      address: { countryName: paraguay ? 'Paraguay' : 'México', locality: t.pick(BUYER_PLACES) },
      country: paraguay ? 'PY' : 'MX',
    });
  }
  const suppliers = [];
  for (let i = 0; i < supplierCount; i++) {
    const paraguay = i % 4 === 3;
    const legalName = `${t.pick(SUPPLIER_WORDS)} ${t.pick(SUPPLIER_PLACES)} ${i + 1} ${t.pick(LEGAL_FORMS)}`;
    // Real data: RFC written with three spellings of the scheme, and Mexico's generic RFC for foreign/unknown suppliers.
    const identifier = paraguay
      ? { scheme: 'Registro Único de Contribuyente emitido por el Ministerio de Hacienda', id: `${t.int(100000, 99999999)}-${t.int(0, 9)}` }
      : t.chance(0.02)
        ? { scheme: 'RFC', id: 'XAXX010101000' }
        : { scheme: t.pick(['RFC', 'MX-RFC', 'MX-RFC', 'MX-RFC']), id: rfc(t, false) };
    suppliers.push({ name: legalName, identifier: { ...identifier, legalName }, address: { countryName: paraguay ? 'Paraguay' : 'México' }, country: paraguay ? 'PY' : 'MX' });
  }
  return { buyers, suppliers };
}

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const SPAN_DAYS = 9 * 365;

function isoDate(t, ms, offset) {
  // Publishers mix full timestamps with offsets, UTC timestamps and date-only strings.
  const d = new Date(ms);
  const date = d.toISOString().slice(0, 10);
  if (offset === 'date') return date;
  if (offset === 'Z') return d.toISOString().slice(0, 19) + 'Z';
  return `${date}T${String(t.int(8, 18)).padStart(2, '0')}:${String(t.int(0, 59)).padStart(2, '0')}:00${offset}`;
}

function money(t, amount, currency, quirks) {
  if (quirks && t.chance(0.02)) return { amount: amount.toFixed(2), currency }; // Moldova: amounts as strings
  if (quirks && t.chance(0.01)) return { amount, currency: currency.toLowerCase() }; // "mxn", "mdl"
  return { amount, currency };
}

/** One contracting process: 1 to 5 releases, one per stage reached. */
function makeProcess(t, index, orgs, prefix) {
  const legacy = t.chance(0.35); // 1.0-style: inline organisations, no parties, transactions[].amount
  const buyer = t.pick(orgs.buyers);
  // The country's suppliers, filtered once per country (at 200,000 processes a filter per process dominated).
  const pool = (orgs.pools ??= {})[buyer.country] ??= orgs.suppliers.filter((s) => s.country === buyer.country);
  const currency = buyer.country === 'PY' ? (t.chance(0.85) ? 'PYG' : 'USD') : t.chance(0.92) ? 'MXN' : 'USD';
  const scale = currency === 'PYG' ? 350 : currency === 'USD' ? 1 / 18 : 1;
  const offset = buyer.country === 'PY' ? '-04:00' : t.pick(['-06:00', '-06:00', 'Z', 'date']);
  const ocid = `${prefix}-${String(100000 + index)}`;
  const [method, methodDetails] = t.pick(METHODS);
  const category = t.pick(CATEGORIES);
  const [itemName, itemCode, unit] = t.pick(ITEMS);
  const title = `${itemName} PARA ${buyer.name.toUpperCase()}`;
  const budget = Math.round(t.logUniform(20_000, 80_000_000) * scale * 100) / 100;
  const start = START + t.int(0, SPAN_DAYS) * DAY;

  // How far the process got: most reach a contract, some stop at tender or award, a few have no planning release.
  const roll = t.random();
  const lastStage = roll < 0.1 ? 1 : roll < 0.25 ? 2 : roll < 0.45 ? 3 : 4; // 1 tender, 2 award, 3 contract, 4 implementation
  const hasPlanning = t.chance(0.7);
  const tenderStatus = lastStage === 1 ? t.pick(['active', 'active', 'cancelled', 'unsuccessful']) : 'complete';
  const supplierCount = t.chance(0.15) ? t.int(2, 4) : 1; // Paraguay / TED: one award shared by several suppliers
  const suppliers = [];
  while (suppliers.length < supplierCount) {
    const s = t.pick(pool);
    if (!suppliers.includes(s)) suppliers.push(s);
  }
  const tenderers = [...suppliers];
  for (let i = t.int(0, 3); i > 0; i--) {
    const s = t.pick(pool);
    if (!tenderers.includes(s)) tenderers.push(s);
  }
  const awardStatus = t.chance(0.85) ? 'active' : t.pick(['pending', 'cancelled', 'unsuccessful']);
  const awardValue = Math.round(budget * (0.6 + t.random() * 0.45) * 100) / 100;
  const awardId = legacy ? `${index}-adjudicacion-1` : `${ocid}-award-1`;
  // Several suppliers on one award: one contract per supplier, splitting the award value (as in Paraguay's 277004).
  const contracts = suppliers.map((supplier, i) => ({
    id: legacy ? `${index}-${i + 1}-contrato` : `${ocid}-contract-${i + 1}`,
    supplier,
    value: Math.round((awardValue / suppliers.length) * 100) / 100,
    status: t.chance(0.9) ? t.pick(['active', 'terminated', 'terminated']) : t.pick(['pending', 'cancelled']),
  }));

  const partyId = (org) => `${org.identifier.scheme === 'MX-RFC' || org.identifier.scheme === 'RFC' ? 'MX-RFC' : 'PY-RUC'}-${org.identifier.id}`;
  const inline = (org) => ({ name: t.chance(0.1) ? org.name.toUpperCase() : org.name, identifier: { ...org.identifier }, address: org.address });
  const ref = (org) => (legacy ? inline(org) : { id: partyId(org), name: org.name });
  const party = (org, roles) => ({ id: partyId(org), name: org.name, identifier: { ...org.identifier, legalName: org.identifier.legalName ?? org.name }, address: org.address, roles });

  let day = 0;
  const releases = [];
  const release = (stage, body, parties, gap = t.int(5, 60)) => {
    day += gap;
    const r = {
      ocid,
      id: legacy ? `${index}-${stage}` : `${ocid}-${stage}-${releases.length + 1}`,
      date: isoDate(t, start + day * DAY, offset),
      tag: [stage],
      initiationType: 'tender',
      language: 'es',
    };
    if (legacy) r.buyer = inline(buyer);
    else {
      r.buyer = ref(buyer);
      r.parties = parties;
    }
    releases.push(Object.assign(r, body));
  };

  const tender = () => ({
    id: `${ocid}-tender`,
    title,
    description: `${methodDetails} para la adquisición de ${itemName.toLowerCase()} (${t.int(1, 500)} ${unit.toLowerCase()}s).`,
    status: tenderStatus,
    procurementMethod: method,
    procurementMethodDetails: methodDetails,
    mainProcurementCategory: category,
    value: money(t, budget, currency, true),
    tenderPeriod: { startDate: isoDate(t, start + (day + 2) * DAY, offset), endDate: isoDate(t, start + (day + 20) * DAY, offset) },
    numberOfTenderers: tenderers.length,
    tenderers: tenderers.map(ref),
    procuringEntity: ref(buyer),
    items: [{ id: '1', description: itemName, classification: { scheme: 'UNSPSC', id: itemCode, description: itemName }, quantity: t.int(1, 500), unit: { name: unit } }],
    documents: [{ id: `${ocid}-convocatoria`, documentType: 'tenderNotice', title: `Convocatoria ${itemName}`, url: `https://contratos.example.gob/${ocid}/convocatoria.pdf`, format: 'application/pdf', language: 'es' }],
  });

  if (hasPlanning) {
    release('planning', {
      planning: {
        budget: { id: `${ocid}-budget`, description: `Partida presupuestal ${t.int(1000, 9999)}`, amount: money(t, budget, currency, true), project: title },
        rationale: 'Programa anual de adquisiciones',
      },
    }, [party(buyer, ['buyer'])]);
  }
  release('tender', { tender: tender() }, [party(buyer, ['buyer', 'procuringEntity']), ...tenderers.map((s) => party(s, ['tenderer']))]);
  if (lastStage >= 2) {
    release('award', {
      tender: { id: `${ocid}-tender`, status: 'complete' },
      awards: [{
        id: awardId,
        title,
        status: awardStatus,
        date: isoDate(t, start + day * DAY, offset),
        value: money(t, awardValue, currency, true),
        suppliers: suppliers.map(ref),
        items: [{ id: '1', description: itemName, quantity: t.int(1, 500), unit: { name: unit, value: money(t, Math.round(awardValue / t.int(1, 500)), currency, false) } }],
      }],
    }, [party(buyer, ['buyer']), ...suppliers.map((s) => party(s, ['supplier', 'tenderer']))]);
  }
  if (lastStage >= 3) {
    release('contract', {
      contracts: contracts.map((c) => ({
        id: c.id,
        awardID: awardId,
        title: `Contrato ${c.id}`,
        status: c.status,
        value: money(t, c.value, currency, true),
        period: { startDate: isoDate(t, start + (day + 5) * DAY, offset), endDate: isoDate(t, start + (day + 5 + t.int(30, 720)) * DAY, offset) },
        dateSigned: isoDate(t, start + day * DAY, offset),
        documents: [{ id: `${c.id}-doc`, documentType: 'contractSigned', title: `CONTRATO ${c.id}`, url: `https://contratos.example.gob/${ocid}/${c.id}.pdf`, format: 'application/pdf' }],
      })),
    }, [party(buyer, ['buyer', 'payer']), ...suppliers.map((s) => party(s, ['supplier', 'payee']))]);
  }
  if (lastStage >= 4) {
    const contractDay = day; // payments fall between the contract and the implementation release that reports them
    release('implementation', {
      contracts: contracts.map((c) => {
        const count = t.int(1, 6);
        const transactions = [];
        for (let i = 0; i < count; i++) {
          const amount = Math.round((c.value / count) * 100) / 100;
          const date = isoDate(t, start + (contractDay + 15 * (i + 1)) * DAY, offset);
          transactions.push(legacy
            ? { id: `CLC${c.id}-${i + 1}`, date, amount: money(t, amount, currency, false), providerOrganization: { id: buyer.identifier.id, legalName: buyer.name }, receiverOrganization: { id: c.supplier.identifier.id, legalName: c.supplier.name } }
            : { id: `${c.id}-tx-${i + 1}`, date, value: money(t, amount, currency, false), payer: ref(buyer), payee: ref(c.supplier) });
        }
        return { id: c.id, implementation: { transactions } };
      }),
    }, [party(buyer, ['buyer', 'payer']), ...suppliers.map((s) => party(s, ['supplier', 'payee']))], t.int(95, 400));
  }
  return releases;
}

/** Exactly `count` releases, newest first. Same `count` and `seed`: same releases, byte for byte. */
export function generateReleases(count, seed = DEFAULT_SEED) {
  const t = randomTools(seed);
  const orgs = makeOrganisations(t, Math.max(10, Math.round(count / 60)), Math.max(40, Math.round(count / 6)));
  const prefix = 'ocds-b3nch1';
  const releases = [];
  for (let index = 0; releases.length < count; index++) releases.push(...makeProcess(t, index, orgs, prefix));
  releases.length = count; // the last process may be cut short, as an API page boundary would cut it
  // APIs list newest first; `date` strings sort by their calendar date here (offsets never cross a day boundary).
  return releases.map((r, i) => [r, i]).sort((a, b) => (a[0].date < b[0].date ? 1 : a[0].date > b[0].date ? -1 : a[1] - b[1])).map(([r]) => r);
}

/**
 * A dataset for the supplier network of about `nodes` nodes (one buyer per ten suppliers), one 1.1 award release
 * per process, every supplier awarded at least once.
 */
export function generateNetworkReleases(nodes, seed = DEFAULT_SEED) {
  const t = randomTools(seed + nodes);
  const buyerCount = Math.max(2, Math.round(nodes / 11));
  const orgs = makeOrganisations(t, buyerCount, nodes - buyerCount);
  orgs.suppliers.forEach((s) => { s.country = 'MX'; });
  orgs.buyers.forEach((b) => { b.country = 'MX'; });
  // One party id per organisation (a placeholder identifier such as XAXX010101000 is shared by several).
  const partyIds = new Map([...orgs.buyers, ...orgs.suppliers].map((org, i) => [org, `${org.identifier.scheme}-${org.identifier.id}-${i}`]));
  const party = (org, roles) => ({ id: partyIds.get(org), name: org.name, identifier: org.identifier, roles });
  const releases = [];
  orgs.suppliers.forEach((supplier, i) => {
    for (let k = t.chance(0.3) ? 2 : 1; k > 0; k--) {
      const buyer = k === 1 ? orgs.buyers[i % buyerCount] : t.pick(orgs.buyers);
      const ocid = `ocds-n3twrk-${releases.length + 1}`;
      releases.push({
        ocid,
        id: `${ocid}-award`,
        date: isoDate(t, START + t.int(0, SPAN_DAYS) * DAY, 'Z'),
        tag: ['award'],
        initiationType: 'tender',
        buyer: { id: party(buyer).id, name: buyer.name },
        parties: [party(buyer, ['buyer']), party(supplier, ['supplier'])],
        awards: [{ id: `${ocid}-a1`, status: 'active', value: { amount: t.logUniform(10_000, 5_000_000), currency: 'MXN' }, suppliers: [{ id: party(supplier).id, name: supplier.name }] }],
      });
    }
  });
  return releases;
}

/** The package envelope every page and the whole file share (as a real publisher's API would send). */
export function packageEnvelope(extra = {}) {
  return {
    uri: 'https://contratos.example.gob/api/releases',
    version: '1.1',
    publishedDate: '2024-12-31T12:00:00Z',
    publisher: { name: 'Benchmark publisher (generated data)', scheme: 'MX-RFC', uid: 'BEN241231AB1' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
    publicationPolicy: 'https://contratos.example.gob/politica',
    ...extra,
  };
}

// Run as a script (never when imported, in Node or in the browser test).
if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? DEFAULT_SEED);
  process.stdout.write(JSON.stringify({ ...packageEnvelope(), releases: generateReleases(count, seed) }));
}

/**
 * `count` contracting processes one after another, each as the releases it published (oldest first): for the
 * national-scale file of bench/summarize.mjs, which compiles each process as the Data Registry does.
 */
export function* generateProcesses(count, seed = DEFAULT_SEED) {
  const t = randomTools(seed);
  const orgs = makeOrganisations(t, Math.max(10, Math.round(count / 60)), Math.max(40, Math.round(count / 6)));
  for (let index = 0; index < count; index++) yield makeProcess(t, index, orgs, 'ocds-n4tl0n');
}
