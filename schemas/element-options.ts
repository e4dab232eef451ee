// The options of each chart element as attribute values (strings), keyed by attribute name: what the iframe embed
// page accepts as query parameters (demos/embed.html, dist/cdn/embed.html) and what the embed builder offers as
// controls and writes into snippets. Unknown keys are errors, so a typo in an embed URL is reported, not ignored.
import { z } from 'zod/mini';

// Same setting as schemas/ocds.ts: no `new Function` probe under a strict Content-Security-Policy.
z.config({ jitless: true });

/** Chart tags without their `ocds-` prefix: the embed page's `widget` parameter. */
export const WIDGETS = ['spending-by-stage', 'contract-timeline', 'supplier-network'] as const;
export type Widget = (typeof WIDGETS)[number];

/** An http(s) URL or a relative one (a path on the embedding site); never `javascript:`, `data:` or `file:`. */
export function isDataUrl(value: string): boolean {
  if (!value.trim()) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isOriginList(value: string): boolean {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .every((origin) => {
      try {
        const url = new URL(origin);
        return ['http:', 'https:'].includes(url.protocol) && url.origin === origin.replace(/\/$/, '');
      } catch {
        return false;
      }
    });
}

const count = (max: number) => z.string().check(z.regex(/^[1-9]\d*$/, 'must be a whole number from 1'), z.refine((value) => Number(value) <= max, `must be at most ${max}`));

/** Options every chart element takes. */
export const commonOptions = {
  src: z.string().check(z.refine(isDataUrl, 'must be an http: or https: URL, or a path on this site')),
  ocid: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  lang: z.optional(z.string().check(z.refine(isLanguageTag, 'must be a language tag such as en, es or es-MX'))),
  theme: z.optional(z.enum(['light', 'dark', 'auto'])),
  currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as MXN'))),
  heading: z.optional(z.string().check(z.maxLength(200))),
  'max-pages': z.optional(count(1000)),
  root: z.optional(z.string().check(z.regex(/^[A-Za-z_][\w-]*$/, 'must be a property name such as arrayReleasePackage'))),
  'follow-origins': z.optional(z.string().check(z.refine(isOriginList, 'must be origins such as https://api.example.org, separated by spaces'))),
  timeout: z.optional(count(600_000)),
};

/** Each chart element's options: the common ones and its own. */
export const elementOptions = {
  'spending-by-stage': z.strictObject(commonOptions),
  'contract-timeline': z.strictObject({
    ...commonOptions,
    limit: z.optional(count(500)),
    sort: z.optional(z.enum(['recent', 'value', 'duration'])),
    drill: z.optional(z.enum(['true', 'false'])),
  }),
  'supplier-network': z.strictObject({
    ...commonOptions,
    // Networks of 3,000 nodes are measured to settle in seconds (README); the cap keeps `limit="1000000"` from
    // freezing the page on a large dataset.
    limit: z.optional(count(5000)),
    focus: z.optional(z.string().check(z.minLength(1))),
  }),
} satisfies Record<Widget, z.ZodMiniObject>;

export type ElementOptions = Record<string, string>;

export type ParsedEmbed = { ok: true; widget: Widget; options: ElementOptions } | { ok: false; errors: string[] };

/**
 * Validates embed parameters (`widget` plus the element's options as strings): a widget we do not have, a URL that
 * is not http(s), an unknown parameter or a bad value each give one readable line.
 */
export function parseEmbedParams(params: Record<string, string>): ParsedEmbed {
  const { widget, ...options } = params;
  if (!widget) return { ok: false, errors: [`widget: missing; one of ${WIDGETS.join(', ')}`] };
  if (!(WIDGETS as readonly string[]).includes(widget)) {
    return { ok: false, errors: [`widget: “${widget}” is not an ocds-widgets chart; one of ${WIDGETS.join(', ')}`] };
  }
  const result = elementOptions[widget as Widget].safeParse(options);
  if (result.success) return { ok: true, widget: widget as Widget, options: result.data as ElementOptions };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: not an option of ${widget}`;
      const key = issue.path.join('.');
      return issue.code === 'invalid_type' && issue.input === undefined ? `${key}: missing` : `${key}: ${issue.message}`;
    }),
  };
}
