// Attribute values checked against the element-options schema (schemas/element-options.ts, shared with the embed
// builder and the iframe page): a bad value is warned about and never breaks the chart.
import { defaultConverter, type PropertyDeclaration, type PropertyValues, type ReactiveElement } from 'lit';
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

/** The attribute a declared property reads, or undefined (`attribute: false`): Lit's own rule. */
function attributeOf(name: string, declared: PropertyDeclaration | undefined): string | undefined {
  if (declared?.attribute === false) return undefined;
  return typeof declared?.attribute === 'string' ? declared.attribute : name.toLowerCase();
}

/**
 * Says in the console, in the element's language (read once the texts are in: an element being upgraded may not have
 * its `lang` yet), that `attribute="shown"` is refused and what is used instead.
 */
function warnRefused(element: ReactiveElement, attribute: string, shown: string, issue: z.core.$ZodIssue, previous: unknown): void {
  warnings = warnings
    .then(() => optionTexts.load())
    // The texts could not be fetched: the check's own English text.
    .then((texts) => texts.optionWarning(issue, previous, (element as { languageTag?: string }).languageTag ?? 'en'), () => issue.message)
    .then((text) => console.warn(`ocds-widgets: <${element.localName}> ${attribute}="${shown.slice(0, 100)}" ${text}.`));
}

/**
 * An attribute value the schema refuses never reaches its property (the value in effect is kept, the default before
 * the first update) and is warned about; the attribute itself stays as written, for a property set from it and put
 * back would rewrite the page's HTML (a server-rendered page would no longer match what hydrates). Called from
 * `attributeChangedCallback`: true when the value is refused (the property is then not set).
 */
export function refuseAttribute(element: ReactiveElement, attribute: string, value: string | null): boolean {
  if (value === null) return false;
  const properties = (element.constructor as typeof ReactiveElement).elementProperties;
  const entry = [...properties].find(([name, declared]) => typeof name === 'string' && attributeOf(name, declared) === attribute);
  if (!entry) return false;
  const [name, declared] = entry;
  // Checked as the property would hold it (`limit="05"` is 5, a bare `drill` is true), as rejectInvalidOptions does.
  const fromAttribute = typeof declared.converter === 'function' ? declared.converter : (declared.converter?.fromAttribute ?? defaultConverter.fromAttribute!);
  const issue = optionIssue(element.localName, attribute, fromAttribute(value, declared.type));
  if (!issue) return false;
  warnRefused(element, attribute, value, issue, element.hasUpdated ? (element as unknown as Record<PropertyKey, unknown>)[name] : undefined);
  // updateComplete waits for the warning.
  element.requestUpdate();
  return true;
}

/**
 * For each changed property (set from script: attributes are checked by refuseAttribute) whose value the schema
 * refuses: the previous value (the default on first use) is kept, and a console warning in the element's language
 * names the attribute, the value, what it must be (an enum lists its values) and what is used. A `lang` without
 * messages is kept (Intl still formats by it), with a warning.
 */
export function rejectInvalidOptions(element: ReactiveElement, changed: PropertyValues): void {
  const properties = (element.constructor as typeof ReactiveElement).elementProperties;
  const values = element as unknown as Record<string, unknown>;
  for (const [name, previous] of changed) {
    if (typeof name !== 'string') continue;
    const attribute = attributeOf(name, properties.get(name));
    if (attribute === undefined) continue;
    const value = values[name];
    const issue = optionIssue(element.localName, attribute, value);
    if (issue) {
      values[name] = previous;
      warnRefused(element, attribute, String(value), issue, previous);
    } else if (name === 'lang' && typeof value === 'string' && value) {
      const tag = canonicalTag(value);
      if (messageLanguage(tag) === 'en' && !/^en(-|$)/i.test(tag)) {
        console.warn(`ocds-widgets: <${element.localName}> has no messages in "${value.slice(0, 100)}"; English is used (numbers and dates follow ${tag}).`);
      }
    }
  }
}
