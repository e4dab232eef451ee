// Shows the events the elements on the demo page fire.
import '../components/spending-by-stage/define.js';

const log = document.querySelector<HTMLOutputElement>('#events')!;
for (const type of ['ocds-select', 'ocds-error', 'ocds-load'] as const) {
  document.addEventListener(type, (event) => {
    log.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}\n${log.textContent}`.slice(0, 2000);
  });
}
