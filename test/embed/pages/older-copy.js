// A stand-in for an older ocds-widgets release that registered <ocds-spending-by-stage> first.
class OlderSpendingByStage extends HTMLElement {
  static version = '0.0.1';
}
customElements.define('ocds-spending-by-stage', OlderSpendingByStage);
