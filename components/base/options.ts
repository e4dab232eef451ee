// Attribute values checked against the element-options schema (schemas/element-options.ts, shared with the embed
// builder and the iframe page): a bad value is warned about and never breaks the chart.
import type { PropertyValues, ReactiveElement } from 'lit';
import type { z } from 'zod/mini';
import { commonOptions, elementOptions } from '../../schemas/element-options.js';
import { canonicalTag, messageLanguage } from '../../src/i18n/index.js';
import { lazy } from './lazy.js';

type OptionSchema = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } } };

/** The warnings' texts in en and es: only a page with a bad attribute value loads them. */
const optionTexts = lazy(() => import('../../schemas/option-messages.js'));
/** The warnings under way (their texts loading): an element's updateComplete waits for them. */
let warnings: Promise<void> = Promise.resolve();

/** Resolves once every refused value so far has been warned about in the console. */
export function optionWarningsSaid(): Promise<void> {
  return warnings;
}

/** What is wrong with `value` as the `attribute` of `<tag>`, or undefined. `src` is left to the loader (an error state). */
export function optionIssue(tag: string, attribute: string, value: unknown): z.core.$ZodIssue | undefined {
  if (attribute === 'src' || value === undefined || value === null) return undefined;
  const widget = tag.replace(/^ocds-/, '') as keyof typeof elementOptions;
  const shape: Record<string, OptionSchema | undefined> = elementOptions[widget]?.shape ?? commonOptions;
  const result = shape[attribute]?.safeParse(String(value));
  return result && !result.success ? result.error.issues[0] : undefined;
}

/**
 * For each changed property whose attribute value the schema refuses: the previous value (the default on first use)
 * is kept, and a console warning in the element's language names the attribute, the value, what it must be (an
 * enum lists its values) and what is used. A `lang` without messages is kept (Intl still formats by it), with a warning.
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
    const issue = optionIssue(element.localName, attribute, value);
    if (issue) {
      const shown = (element.getAttribute(attribute) ?? String(value)).slice(0, 100);
      const language = (element as { languageTag?: string }).languageTag ?? 'en';
      values[name] = previous;
      warnings = warnings
        .then(() => optionTexts.load())
        // The texts could not be fetched: the check's own English text.
        .then((texts) => texts.optionWarning(issue, previous, language), () => issue.message)
        .then((text) => console.warn(`ocds-widgets: <${element.localName}> ${attribute}="${shown}" ${text}.`));
    } else if (name === 'lang' && typeof value === 'string' && value) {
      const tag = canonicalTag(value);
      if (messageLanguage(tag) === 'en' && !/^en(-|$)/i.test(tag)) {
        console.warn(`ocds-widgets: <${element.localName}> has no messages in "${value.slice(0, 100)}"; English is used (numbers and dates follow ${tag}).`);
      }
    }
  }
}
