// Shared by the CSP tests: loads a page served under a strict CSP (its script uses ./csp-page.ts) in an iframe and
// returns the outcome the page publishes as `window.cspOutcome`.

/** Opens `src` at the given size, waits up to `waitMs` for the page to publish its outcome, then removes the frame. */
export async function cspPageOutcome<T>(src: string, width: number, height: number, waitMs = 5000): Promise<T> {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const window = frame.contentWindow as unknown as { cspOutcome?: Promise<T> };
  for (let i = 0; i < waitMs / 50 && !window.cspOutcome; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const outcome = await window.cspOutcome!;
  frame.remove();
  return outcome;
}
