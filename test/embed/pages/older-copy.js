// A stand-in for an older ocds-widgets release that registered its chart elements first.
for (const tag of ['ocds-spending-by-stage', 'ocds-supplier-network']) {
  customElements.define(
    tag,
    class extends HTMLElement {
      static version = '0.0.1';
    },
  );
}
