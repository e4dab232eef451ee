import { expect, fixture, html } from '@open-wc/testing';
import '../../components/red-flags/define.js';
import '../../components/dataset/define.js';
import type { OcdsDataset } from '../../components/dataset/dataset.js';
import type { OcdsRedFlags } from '../../components/red-flags/red-flags.js';

type Json = Record<string, any>;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const lines = async (path: string) => (await (await fetch(path)).text()).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Json);

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}
// The two settings every cardinal case sets (see test/analysis/red-flags.test.ts), so its expected output applies.
const CASE_SETTINGS = 'no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n';
/** The R038 case with names, as publishers give them: organisations named alike are one across processes. */
const named = (releases: Json[]): Json[] =>
  releases.map((r) => ({ ...r, buyer: { ...r.buyer, name: `Buyer ${r.buyer.id}` }, tender: { ...r.tender, procuringEntity: { ...r.tender.procuringEntity, name: `Entity ${r.tender.procuringEntity.id}` } } }));
const ready = (...els: OcdsRedFlags[]) => until(() => els.every((el) => el.status === 'ready' && el.shadowRoot?.querySelector('[data-code]')), 'the red flags');

describe('<ocds-red-flags> inside <ocds-dataset>', () => {
  it('computes the fences from the whole dataset while a dataset filter narrows the processes (R024, cardinal\'s expected output)', async () => {
    const releases = await lines('/test/fixtures/cardinal-rs/indicators/R024.jsonl');
    const expected = (await (await fetch('/test/fixtures/cardinal-rs/indicators/R024.expected')).json()) as Json;
    const flaggedByCardinal = Object.keys(expected.OCID).filter((ocid) => releases.some((r) => r.ocid === ocid));
    const chosen = flaggedByCardinal[0]!;
    expect(chosen, 'cardinal flags a process on the whole data').to.be.a('string');
    const root = await fixture<HTMLElement>(html`<div>
      <ocds-dataset ocid=${chosen}><ocds-red-flags id="inside" indicators="R024" .settings=${CASE_SETTINGS}></ocds-red-flags></ocds-dataset>
      <ocds-red-flags id="alone" indicators="R024" .settings=${CASE_SETTINGS}></ocds-red-flags>
    </div>`);
    root.querySelector<OcdsDataset>('ocds-dataset')!.data = releases;
    const alone = root.querySelector<OcdsRedFlags>('#alone')!;
    alone.data = releases.filter((r) => r.ocid === chosen);
    const inside = root.querySelector<OcdsRedFlags>('#inside')!;
    await ready(inside, alone);
    // With the whole dataset's fence, the chosen process is flagged as cardinal says; its fence alone would not flag it.
    expect(text(inside.shadowRoot!.querySelector('[data-code="R024"]'))).to.contain('1 of 1 processes');
    expect(text(alone.shadowRoot!.querySelector('[data-code="R024"]'))).to.contain('0 of 1 processes');
    expect(text(inside.shadowRoot!.querySelector('.thresholds'))).to.contain('Fences are computed from the whole dataset');
    expect(inside.shadowRoot!.querySelector(`[data-ocid="${chosen}"]`)).to.exist;
    await expect(inside).to.be.accessible();
  });

  it('choosing a buyer filters its siblings by buyer, and choosing a flagged process selects it (R038)', async () => {
    const releases = named(await lines('/test/fixtures/cardinal-rs/indicators/R038.jsonl'));
    const expected = (await (await fetch('/test/fixtures/cardinal-rs/indicators/R038.expected')).json()) as Json;
    const buyer = Object.keys(expected.Buyer)[0]!;
    const root = await fixture<HTMLElement>(html`<ocds-dataset lang="es">
      <ocds-red-flags id="buyers" indicators="R038"></ocds-red-flags>
      <ocds-red-flags id="sibling" indicators="R038"></ocds-red-flags>
    </ocds-dataset>`);
    const dataset = root as unknown as OcdsDataset;
    dataset.data = releases;
    const buyers = root.querySelector<OcdsRedFlags>('#buyers')!;
    const sibling = root.querySelector<OcdsRedFlags>('#sibling')!;
    await ready(buyers, sibling);
    expect(text(buyers.shadowRoot!.querySelector('.thresholds'))).to.contain('todo el conjunto de datos');
    buyers.shadowRoot!.querySelector<HTMLButtonElement>('ul.items button')!.click();
    const ofBuyer = releases.filter((r) => r.buyer?.id === buyer).map((r) => r.ocid).sort();
    await until(() => sibling.sharedDataset?.processes.length === ofBuyer.length, 'the buyer filter');
    expect(dataset.buyer).to.be.a('string');
    expect(sibling.sharedDataset!.processes.map((p) => p.ocid).sort()).to.deep.equal(ofBuyer);
    expect(buyers.sharedDataset!.processes.length, 'the chart that chose keeps everything').to.equal(releases.length);

    const process = sibling.shadowRoot!.querySelector<HTMLButtonElement>('[data-ocid] button.process')!;
    const ocid = process.closest('[data-ocid]')!.getAttribute('data-ocid')!;
    process.click();
    await until(() => dataset.ocid === ocid, 'the process filter');
    await until(() => buyers.sharedDataset?.processes.length === 1, 'the process filter on the sibling');
    expect(buyers.sharedDataset!.processes[0]!.ocid).to.equal(ocid);
  });

  it('choosing a procuring entity filters its siblings by procuring entity, not buyer (R038)', async () => {
    const releases = named(await lines('/test/fixtures/cardinal-rs/indicators/R038.jsonl'));
    const expected = (await (await fetch('/test/fixtures/cardinal-rs/indicators/R038.expected')).json()) as Json;
    const entity = Object.keys(expected.ProcuringEntity)[0]!;
    const root = await fixture<HTMLElement>(html`<ocds-dataset>
      <ocds-red-flags id="entities" group="procuring-entity" indicators="R038"></ocds-red-flags>
      <ocds-red-flags id="sibling" indicators="R038"></ocds-red-flags>
    </ocds-dataset>`);
    const dataset = root as unknown as OcdsDataset;
    dataset.data = releases;
    const entities = root.querySelector<OcdsRedFlags>('#entities')!;
    const sibling = root.querySelector<OcdsRedFlags>('#sibling')!;
    await ready(entities, sibling);
    entities.shadowRoot!.querySelector<HTMLButtonElement>('ul.items button')!.click();
    const ofEntity = releases.filter((r) => r.tender?.procuringEntity?.id === entity).map((r) => r.ocid).sort();
    await until(() => sibling.sharedDataset?.processes.length === ofEntity.length, 'the procuring entity filter');
    expect(dataset.procuringEntity).to.be.a('string');
    expect(dataset.buyer).to.equal(undefined);
    expect(sibling.sharedDataset!.processes.map((p) => p.ocid).sort()).to.deep.equal(ofEntity);
    expect(text(dataset.shadowRoot!.querySelector('[part~="chip"]'))).to.contain('Procuring entity');
  });
});
