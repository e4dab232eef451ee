import { VERSION } from './version.js';

/** A constructor that says which ocds-widgets version it came from. */
export type VersionedElement = CustomElementConstructor & { version?: string };

/**
 * Registers `tag` once. Newsroom pages often load two copies of the script: a second define of the same class is a
 * no-op, and a different copy finding the tag taken keeps the first one and warns when the versions differ.
 */
export function defineElement(tag: string, constructor: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing === constructor) return;
  const version = constructor.version ?? VERSION;
  if (existing.version !== version) {
    console.warn(
      `ocds-widgets: <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `this copy (version ${version}) is not used. Load ocds-widgets once per page.`,
    );
  }
}
