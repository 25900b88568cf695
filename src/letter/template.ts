/**
 * The shape of templates/letters/<lang>.json: every sentence of a letter, its date formats,
 * fonts, layout and lint word lists, as data a translator edits. Code only fills placeholders.
 */
import { dateTimeFormat, numberFormat, pluralRules } from '../domain/intl.js';

/** Where a block sits on the line: start/end follow the writing direction (RTL-safe). */
export type Align = 'start' | 'end';

/** Layout choices that differ by language or region. */
export interface LetterLayout {
  senderAlign: Align;
  dateAlign: Align;
  /** The recipient block's side (start when absent). */
  recipientAlign?: Align;
  /** Where the title sits (ПРЕТЕНЗИЯ is centred); centre when absent. */
  titleAlign?: Align | 'center';
  /**
   * The order of the elements (LETTER_ELEMENTS names); the default order when absent. A Russian
   * claim puts "Кому:" before "От:" and the date under the text; a Persian letter the sender's
   * details under the signature.
   */
  order?: string[];
  /** The sender block repeats the name (false where the name is signed just above it). */
  senderWithName?: boolean;
  /** Room above the name for a handwritten signature, in points (30 when absent). */
  signatureGapPt?: number;
  /**
   * Space after a paragraph, in points (PARAGRAPH_AFTER_PT when absent): less where the
   * language's legal prose runs long (Kazakh) and the letter must still fit one page.
   */
  paragraphAfterPt?: number;
  /** A postal address on one line ("г. Астана, ул. Кенесары, 5"), not split at its commas. */
  addressOnOneLine?: boolean;
  /** Enclosures on one line ("Enclosures (2): …") or as a numbered list ("Приложение: 1. …"). */
  enclosures?: 'inline' | 'numbered';
}

/** The per-language lint lists (matched case-insensitively, as whole words). */
export interface LintLists {
  insults: string[];
  sarcasm: string[];
  threats: string[];
  /** Words in capitals that are not shouting. */
  acronyms: string[];
  /** Markers of an unfinished sentence ("TBD", "XXX"); brackets and "???" always count. */
  placeholders: string[];
  /**
   * Characters read as the same letter before matching (Arabic ي/ك as Persian ی/ک, ZWNJ as a
   * space, ё as е), applied to the letter and the lists alike.
   */
  equivalents?: Record<string, string>;
}

/** A region's overrides (en-US dates and sign-off, for example). */
export interface RegionOverride {
  locale?: string;
  layout?: Partial<LetterLayout>;
  texts?: Record<string, string>;
}

/** A letter template as stored. */
export interface LetterTemplate {
  language: string;
  direction: 'ltr' | 'rtl';
  /** BCP 47 locale for dates and money; may carry a calendar (fa-IR-u-ca-persian). */
  locale: string;
  /**
   * The font (one that covers the script; named as Windows has it); `complexScript` for RTL
   * runs when it differs; `widthEm` the average glyph width for the length estimate (0.55).
   */
  font: { name: string; sizePt: number; complexScript?: string; widthEm?: number };
  layout: LetterLayout;
  dateFormats: { long: Intl.DateTimeFormatOptions; short: Intl.DateTimeFormatOptions };
  regions: Record<string, RegionOverride>;
  quotes: { open: string; close: string };
  texts: Record<string, string>;
  /**
   * Sentences that change with a count, keyed by Intl.PluralRules category, or by an exact count
   * as ICU writes it ("=2": "twice"), which goes first.
   */
  plurals: Record<string, Partial<Record<Intl.LDMLPluralRule | `=${number}`, string>>>;
  channels: Record<string, string>;
  standings: Record<string, string>;
  remedies: Record<string, string>;
  /** A title above the text by remedy ("ПРЕТЕНЗИЯ\nо возврате денежных средств"), `other` else. */
  titles?: Record<string, string>;
  /**
   * Currency words written after the amount ("45 990 тенге", "۱۲۵٬۰۰۰٬۰۰۰ ریال"); a currency not
   * listed is written as the locale writes it.
   */
  currencyNames?: Record<string, string>;
  sendingMethods: Record<string, string>;
  /** The letter to the card issuer (`letter --to card-issuer`): its sentences by key. */
  card?: Record<string, string>;
  lint: LintLists;
}

/** The template with the region's overrides applied (US: en-US dates, Letter-style sign-off). */
export function forRegion(template: LetterTemplate, region: string): LetterTemplate {
  const o = template.regions[region];
  if (!o) return template;
  return {
    ...template,
    locale: o.locale ?? template.locale,
    layout: { ...template.layout, ...o.layout },
    texts: { ...template.texts, ...o.texts },
  };
}

/** A template string that may be absent (the element or the label is then left out). */
export function optionalText(template: LetterTemplate, key: string): string | undefined {
  return template.texts[key];
}

/** A number as the letter's locale writes it (Persian digits in fa), without grouping. */
export function formatCount(template: LetterTemplate, n: number): string {
  return numberFormat(template.locale, { useGrouping: false }).format(n);
}

/** A template string that must exist; a missing key is a broken template, not user error. */
export function text(template: LetterTemplate, key: string): string {
  const t = template.texts[key];
  if (t === undefined) throw new Error(`letter template ${template.language}: no text "${key}"`);
  return t;
}

/**
 * Fills {name} placeholders. Every placeholder must be given (an empty string drops an optional
 * part); doubled spaces, a space before punctuation left by an empty part, and a full stop after
 * a quote that already ends a sentence are closed up.
 */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern
    .replace(/\{(\w+)\}/g, (_, key: string) => {
      const v = values[key];
      if (v === undefined)
        throw new Error(`letter template: no value for {${key}} in "${pattern}"`);
      return String(v);
    })
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .replace(/([.!?…])(["”»’)]?)\.(?=\s|$)/gu, '$1$2');
}

/**
 * The plural sentence for `count` in the template's language ("once", "twice", "3 times"), with
 * any other placeholders it has filled from `values`.
 */
export function plural(
  template: LetterTemplate,
  key: string,
  count: number,
  values: Record<string, string> = {},
): string {
  const forms = template.plurals[key];
  if (!forms) throw new Error(`letter template ${template.language}: no plural "${key}"`);
  const category = pluralRules(template.language).select(count);
  const pattern = forms[`=${count}`] ?? forms[category] ?? forms.other;
  if (pattern === undefined)
    throw new Error(`letter template ${template.language}: no "other" form of "${key}"`);
  return fill(pattern, { ...values, count: formatCount(template, count) });
}

/**
 * A calendar date (YYYY-MM-DD) as the letter's language writes it: "23 November 2026",
 * "23 Kasım 2026", or the Solar Hijri date for fa-IR-u-ca-persian. Formatted at noon UTC in UTC,
 * so neither the host's zone nor the user's can move it to another day.
 */
export function formatLetterDate(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}
