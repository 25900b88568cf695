import type { ClockUnit, HolidayLookup, HolidayOverride } from './working-days.js';

/**
 * The jurisdiction data of templates/jurisdictions/<CODE>.json. Every rule carries its source and
 * whether it was verified; an unverified rule is shipped marked so and the tool says so when it
 * uses it. Texts are keyed by language; English is always present.
 */
export type Localized = { en: string } & Partial<Record<string, string>>;

/** The events a legal clock can start from. */
export const CLOCK_STARTS = [
  'request',
  'delivery',
  'purchase',
  'complaint',
  'withdrawal',
  'final-response',
  'bill',
  'decision-notified',
  'regulator-filed',
  'letter-delivered',
  /** A written claim: the letter's delivery, else its sending (KZ's 10 days). */
  'written-claim',
] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

/** A legal time limit. */
export interface ClockRule {
  id: string;
  label: Localized;
  /** Remedies it applies to; all when absent. */
  remedies?: string[];
  /** Sectors it applies to (finance, energy, telecoms…); all when absent. */
  sectors?: string[];
  /** With `sectors`: it applies to a case whose sector is not recorded too (goods rules). */
  unsectored?: boolean;
  start: ClockStart;
  amount: number;
  unit: ClockUnit;
  /**
   * Who must act before the date: the company (a duty; past it, the consumer may escalate) or
   * the consumer (a right that lapses). Absent in old data: the company.
   */
  owes?: 'company' | 'consumer';
  /**
   * For a duty of the company: the rung the consumer may take once it has passed. Absent: the
   * formal written complaint (UK: 8 weeks without a final response opens the ombudsman).
   */
  whenPassed?: 'written-complaint' | 'forum';
  /** The default response deadline of a letter asking for one of `remedies`. */
  letterDeadline?: boolean;
  source: string;
  verified: boolean;
}

/** A claim limit of a forum for one year: claims below `belowMinor` go there. */
export interface ForumLimit {
  year: number;
  belowMinor: number;
  currency: string;
  source: string;
  verified: boolean;
}

/** A body the consumer can escalate to. */
export interface Forum {
  id: string;
  kind: 'arbitration' | 'mediation' | 'ombudsman' | 'regulator' | 'court';
  name: Localized;
  /** How a letter names it after "I will refer the matter to" (else `name`). */
  letterName?: Localized;
  apply?: Localized;
  sectors?: string[];
  limits?: ForumLimit[];
  /** Claims at or above the named forum's limit go here instead. */
  aboveForum?: string;
  source: string;
  verified: boolean;
}

/** Everything known about one jurisdiction. */
export interface Jurisdiction {
  code: string;
  currency: string;
  /** Weekday numbers that are not working days (0 = Sunday; Iran: [5]). */
  weekend: number[];
  /**
   * The jurisdiction's own corrections of the public holidays (days added, such as a half-day
   * eve it counts as off, or removed with `holiday: false`), each with a source. Plain ISO dates
   * are accepted too.
   */
  holidays: (string | HolidayOverride)[];
  /**
   * The country whose public holidays the holiday library gives (default: `code`); null for none
   * (the EU has no common public holidays).
   */
  holidayCountry?: string | null;
  /**
   * The public holidays of `holidayCountry`: not in the JSON, attached by the loader outside
   * domain (templates.ts), which loads the library only when a working-day count asks.
   */
  publicHolidays?: HolidayLookup | undefined;
  clocks: ClockRule[];
  forums: Forum[];
  /** Ways to send a letter so that its arrival can be proven, best first. */
  sendingMethods: string[];
  /** The legal basis a letter cites, by remedy; none where the law is not known here. */
  legalBasis?: LegalBasis[];
  /** The final notice's default deadline (the pre-action "reasonable time"), with its source. */
  finalNotice?: FinalNoticeRule;
}

/** How long a final notice gives the company before the consumer applies to the forum. */
export interface FinalNoticeRule {
  amount: number;
  unit: ClockUnit;
  source: string;
  verified: boolean;
}

/** A sentence of law a letter may cite, with its source. */
export interface LegalBasis {
  id: string;
  /** Remedies it supports; all when absent. */
  remedies?: string[];
  /** Sectors it applies to; all when absent (see ClockRule). */
  sectors?: string[];
  unsectored?: boolean;
  text: Localized;
  source: string;
  verified: boolean;
}

/**
 * Whether a rule limited to sectors fits a case's sector: a case of a sector gets only the rules
 * of that sector (and the general ones); a case without one gets the rules marked `unsectored`.
 */
export function sectorApplies(
  rule: { sectors?: string[]; unsectored?: boolean },
  sector: string | null,
): boolean {
  if (!rule.sectors) return true;
  return sector === null ? rule.unsectored === true : rule.sectors.includes(sector);
}

/** The text of `value` in `language`, else English. */
export function localize(value: Localized, language: string): string {
  return value[language] ?? value.en;
}

/** A jurisdiction with no data: neutral wording, no citations, Monday–Friday. */
export function emptyJurisdiction(code: string): Jurisdiction {
  return {
    code,
    currency: '',
    weekend: [0, 6],
    holidays: [],
    clocks: [],
    forums: [],
    sendingMethods: ['registered-mail', 'email'],
  };
}

/** The limit of a forum in force for a year: the latest year not after it. */
export function forumLimitFor(forum: Forum, year: number): ForumLimit | undefined {
  const limits = (forum.limits ?? []).filter((l) => l.year <= year).sort((a, b) => b.year - a.year);
  return limits[0];
}
