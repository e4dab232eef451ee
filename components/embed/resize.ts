// For pages that embed ocds-widgets charts in iframes (dist/cdn/embed-resize.js, one script tag): each chart's
// frame reports its content height, and this sets that frame's height — only the frame the message came from.
window.addEventListener('message', (event: MessageEvent) => {
  const height = (event.data as { 'ocds-height'?: unknown } | null)?.['ocds-height'];
  if (typeof height !== 'number' || !(height > 0 && height < 100_000)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.height = String(Math.ceil(height));
      return;
    }
  }
});
