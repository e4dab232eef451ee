// Attribute values checked against the element-options schema (schemas/element-options.ts, shared with the embed
// builder and the iframe page): a bad value is warned about and never breaks the chart.
import type { PropertyValues, ReactiveElement } from 'lit';
import { commonOptions, elementOptions } from '../../schemas/element-options.js';
import { canonicalTag, messageLanguage } from '../../src/i18n/index.js';

type OptionSchema = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } } };

/** Why `value` is not a valid `attribute` of `<tag>`, or undefined. `src` is left to the loader (an error state). */
export function optionProblem(tag: string, attribute: string, value: unknown): string | undefined {
  if (attribute === 'src' || value === undefined || value === null) return undefined;
  const widget = tag.replace(/^ocds-/, '') as keyof typeof elementOptions;
  const shape: Record<string, OptionSchema | undefined> = elementOptions[widget]?.shape ?? commonOptions;
  const result = shape[attribute]?.safeParse(String(value));
  return result && !result.success ? (result.error.issues[0]?.message ?? 'is not valid') : undefined;
}

/**
 * For each changed property whose attribute value the schema refuses: a console warning, and the previous value
 * (the default on first use) is kept. A `lang` without messages is kept (Intl still formats by it), with a warning.
 */
export function rejectInvalidOptions(element: ReactiveElement, changed: PropertyValues): void {
  const properties = (element.constructor as typeof ReactiveElement).elementProperties;
  const values = element as unknown as Record<string, unknown>;
  for (const [name, previous] of changed) {
    if (typeof name !== 'string') continue;
    const declared = properties.get(name)?.attribute;
    if (declared === false) continue;
    const attribute = typeof declared === 'string' ? declared : name.toLowerCase();
    const value = values[name];
    const problem = optionProblem(element.localName, attribute, value);
    if (problem) {
      const shown = element.getAttribute(attribute) ?? String(value);
      values[name] = previous;
      const kept = previous === undefined ? 'the default is used' : `"${String(previous)}" is kept`;
      console.warn(`ocds-widgets: <${element.localName}> ${attribute}="${shown.slice(0, 100)}" ${problem}; ${kept}.`);
    } else if (name === 'lang' && typeof value === 'string' && value) {
      const tag = canonicalTag(value);
      if (messageLanguage(tag) === 'en' && !/^en(-|$)/i.test(tag)) {
        console.warn(`ocds-widgets: <${element.localName}> has no messages in "${value.slice(0, 100)}"; English is used (numbers and dates follow ${tag}).`);
      }
    }
  }
}
