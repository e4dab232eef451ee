// The keyboard listbox under a chart, worked as a reader without a mouse works it: Tab into it, arrow keys to move,
// Enter or Space to select (Space sent as ' ', the key value both Chromium and Firefox deliver).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

type Chart = HTMLElement & { updateComplete: Promise<boolean> };

/** Interactive things in `element`'s shadow root, in document (= reading) order. */
export const focusables = (element: HTMLElement): HTMLElement[] => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>('button:not([disabled]), select, input, a[href], [tabindex="0"]'),
];

export const listbox = (element: HTMLElement): HTMLElement | null => element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]');

/** The option the listbox's aria-activedescendant names (what a screen reader announces). */
export function activeOption(element: HTMLElement): HTMLElement {
  const id = listbox(element)!.getAttribute('aria-activedescendant');
  expect(id, 'aria-activedescendant').to.be.a('string');
  const option = element.shadowRoot!.getElementById(id!);
  expect(option, `the option #${id}`).to.not.equal(null);
  expect(option!.getAttribute('role')).to.equal('option');
  return option!;
}

/** The active option's text, template line breaks folded (no-break spaces in formatted numbers kept). */
export const activeText = (element: HTMLElement): string => activeOption(element).textContent!.replace(/[ \t\n\r]+/g, ' ').trim();

/** Focuses what comes just before the listbox, then presses Tab: focus must land on the listbox. */
export async function tabIntoList(element: Chart): Promise<HTMLElement> {
  // The listbox renders just after the chart's first frame: `rendered` waits for it.
  await (element as Chart & { rendered?: Promise<void> }).rendered;
  const list = listbox(element);
  expect(list, 'the keyboard listbox').to.not.equal(null);
  const all = focusables(element);
  const before = all[all.indexOf(list!) - 1];
  expect(before, 'a control before the listbox').to.not.equal(undefined);
  before!.focus();
  await sendKeys({ press: 'Tab' });
  expect(element.shadowRoot!.activeElement === list, 'Tab lands on the listbox').to.equal(true);
  return list!;
}

export async function press(element: Chart, key: string): Promise<void> {
  await sendKeys({ press: key });
  await element.updateComplete;
}

/**
 * Tabs into the listbox and moves (Home, then ArrowDown) to the first option whose text `matches`; fails if none does.
 */
export async function moveTo(element: Chart, matches: (text: string) => boolean): Promise<HTMLElement> {
  await tabIntoList(element);
  await press(element, 'Home');
  const count = Number(activeOption(element).getAttribute('aria-setsize'));
  for (let i = 0; i < count && !matches(activeText(element)); i++) await press(element, 'ArrowDown');
  expect(matches(activeText(element)), `an option matching, last seen "${activeText(element)}"`).to.equal(true);
  return activeOption(element);
}

/** Moves to the option whose text `matches` and selects it with `key` (Enter or ' '). */
export async function chooseByKeyboard(element: Chart, matches: (text: string) => boolean, key: 'Enter' | ' ' = 'Enter'): Promise<void> {
  await moveTo(element, matches);
  await press(element, key);
}

/** Every option's text, read by keyboard: Tab in, Home, then ArrowDown through the list. */
export async function readAll(element: Chart): Promise<string[]> {
  await tabIntoList(element);
  await press(element, 'Home');
  const count = Number(activeOption(element).getAttribute('aria-setsize'));
  const texts = [activeText(element)];
  for (let i = 1; i < count; i++) {
    await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(i + 1));
    texts.push(activeText(element));
  }
  return texts;
}
