// The iframe embed page's error box in the reader's language: the `lang` parameter, else the browser's, else English.
import { expect } from '@open-wc/testing';
import { PARAGUAY_RECORD, openPage, until } from './helpers.js';

const EMBED = '/dist/cdn/embed.html';

/** The error box of the built embed page opened with `params`, and the frame's browser language. */
async function frameAlert(params: Record<string, string>): Promise<{ text: string; lang: string; browser: string }> {
  const page = await openPage(`${EMBED}?${new URLSearchParams(params)}`, { width: 700, height: 300 });
  const alert = await until(() => page.document.querySelector<HTMLElement>('[role="alert"]'), 'the error message');
  return { text: alert.textContent ?? '', lang: alert.lang, browser: page.window.navigator.language };
}

afterEach(() => document.querySelectorAll('iframe').forEach((element) => element.remove()));

describe('iframe embed errors in the page language (dist/cdn/embed.html)', () => {
  it('lang=es: the heading and an unknown widget in Spanish', async () => {
    const { text, lang } = await frameAlert({ widget: 'pie-chart', src: PARAGUAY_RECORD, lang: 'es' });
    expect(lang).to.equal('es');
    expect(text).to.include('No se puede mostrar este gráfico: la dirección de inserción tiene un problema.');
    expect(text).to.include('widget: «pie-chart» no es un gráfico de ocds-widgets; uno de spending-by-stage, contract-timeline, supplier-network');
    expect(text).not.to.include('cannot be shown');
  });

  it('lang=es-MX: each bad parameter explained in Spanish', async () => {
    const params = { widget: 'contract-timeline', src: 'javascript:alert(1)', lang: 'es-MX', theme: 'purple', limit: '-3', currency: 'pesos', colour: 'red' };
    const { text, lang } = await frameAlert(params);
    expect(lang).to.equal('es-MX');
    expect(text).to.include('No se puede mostrar este gráfico');
    expect(text).to.include('src: debe ser una URL http: o https:, o una ruta de este sitio');
    expect(text).to.include('theme: debe ser uno de light, dark, auto');
    expect(text).to.include('limit: debe ser un número entero desde 1');
    expect(text).to.include('currency: debe ser un código de moneda de tres letras como MXN');
    expect(text).to.include('colour: no es una opción de contract-timeline');
    expect(text).not.to.match(/must be|not an option|Invalid/);
  });

  it('lang=es: a missing parameter, a number over its limit and several unknown ones', async () => {
    const { text } = await frameAlert({ widget: 'supplier-network', lang: 'es', limit: '5001', colour: 'red', size: 'big' });
    expect(text).to.include('src: falta');
    expect(text).to.include('limit: debe ser como máximo 5000');
    expect(text).to.include('colour, size: no son opciones de supplier-network');
  });

  it('lang=en, and a lang that is not a language tag falls back to the browser language', async () => {
    const english = await frameAlert({ widget: 'supplier-network', lang: 'en', limit: '0' });
    expect(english.text).to.include('This chart cannot be shown: the embed address has a problem.');
    expect(english.text).to.include('src: missing').and.include('limit: must be a whole number from 1');

    const fallback = await frameAlert({ widget: 'pie-chart', lang: 'not a tag!' });
    const spanishBrowser = fallback.browser.toLowerCase().startsWith('es');
    expect(fallback.lang).to.equal(Intl.getCanonicalLocales(fallback.browser)[0]);
    expect(fallback.text).to.include(spanishBrowser ? 'No se puede mostrar este gráfico' : 'This chart cannot be shown');
  });
});
