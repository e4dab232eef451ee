// A React 19 consumer that uses the elements as the README shows: every line here must typecheck.
import { useEffect, useRef, useState } from 'react';
import type { OcdsBreakdown, OcdsSelectDetail } from 'ocds-widgets/elements.js';

export function Dashboard({ json }: { json: unknown }) {
  const chart = useRef<OcdsBreakdown>(null);
  const [selected, setSelected] = useState<OcdsSelectDetail | null>(null);
  useEffect(() => {
    if (chart.current) chart.current.data = json;
  }, [json]);
  return (
    <>
      <ocds-breakdown ref={chart} by="buyer" measure="awarded" theme="dark" limit={5} max-pages={3} lang="es-MX"
        className="chart" id="by-buyer" title="Awarded by buyer" aria-label="Awarded by buyer" style={{ maxWidth: '40rem' }} tabIndex={-1}
        onocds-select={(event) => setSelected(event.detail)}
        onocds-load={(event) => console.log(event.detail.releases)} />
      <ocds-dataset src="https://example.org/releases.json" from="2024-01-01" procuring-entity="x"
        onocds-error={(event) => console.warn(event.detail.phase, event.detail.message)}>
        <ocds-spending-by-stage heading="Spending" currency="MXN" aria-describedby="note" hidden />
        <ocds-contract-timeline sort="recent" drill limit={20} />
        <ocds-supplier-network data={json} follow-origins="https://example.org" />
      </ocds-dataset>
      <p>{selected?.label}</p>
    </>
  );
}
