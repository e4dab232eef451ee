// Deliberate mistakes: the check must report an error on the line after each "type error below" comment, naming what it says, and nowhere else.
export function Wrong() {
  return (
    <>
      {/* type error below, naming "Theme": theme is 'light' | 'dark' | 'auto' */}
      <ocds-breakdown theme="purple" />
      {/* type error below, naming "number": limit is a number */}
      <ocds-contract-timeline limit="ten" />
      {/* type error below, naming "OcdsLoadDetail": the ocds-load detail has no "rows" */}
      <ocds-spending-by-stage onocds-load={(event) => console.log(event.detail.rows)} />
      {/* type error below, naming "OcdsSelectDetail": an ocds-select listener gets CustomEvent<OcdsSelectDetail>, not a MouseEvent */}
      <ocds-process-table onocds-select={(event: MouseEvent) => console.log(event.clientX)} />
      {/* type error below, naming "status": status is read-only, not a prop */}
      <ocds-red-flags status="ready" />
    </>
  );
}
