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
  /** What the consumer did to exercise a right (recorded with `complain clock`; schema 3's case_event). */
  'rejected',
  'repair-requested',
  'repair-failed',
  /** The card statement that first showed the charge (the case's --statement-date, schema 9). */
  'card-statement',
  /** The card issuer's receipt of the dispute letter: its delivery, else its sending. */
  'card-dispute',
] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

/** Start events read from the case and its card letters only: `clock` takes no flag for them. */
export const CARD_EVENTS = ['card-statement', 'card-dispute'] as const;

/** The start events that record what the consumer did to exercise a right (`complain clock`). */
export const RIGHT_EVENTS = ['rejected', 'repair-requested', 'repair-failed'] as const;

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
  owes?: 'company' | 'consumer' | 'issuer';
  /** The card routes (`cardDispute.routes` ids) it belongs to: only a case on that route has it. */
  cardRoutes?: string[];
  /**
   * For a duty of the company: the rung the consumer may take once it has passed. Absent: the
   * formal written complaint (UK: 8 weeks without a final response opens the ombudsman).
   */
  whenPassed?: 'written-complaint' | 'forum';
  /** The default response deadline of a letter asking for one of `remedies`. */
  letterDeadline?: boolean;
  /** For a duty of the company: the letter's sentence once it ran out ({start}, {end}). */
  lapsed?: Localized;
  /** The rule as a notarial form's legal grounds cite it ("6502 sayılı Kanun m. 11"). */
  grounds?: Localized;
  /** How the consumer bought it (a distance-sale right): all when absent. */
  sale?: SaleChannel[];
  /** Weekday numbers that do not count for this rule when its source defines a working day itself. */
  weekend?: number[];
  source: string;
  verified: boolean;
}

/** How a purchase was made: in a shop, at a distance (online, phone), or off premises (doorstep). */
export const SALE_CHANNELS = ['shop', 'distance', 'off-premises'] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];

/** A period counted from an event: the window of a right, or the time a company has to perform. */
export interface RightPeriod {
  start: ClockStart;
  amount: number;
  unit: ClockUnit;
  /** The source's own working week when it differs from the jurisdiction's (TR's warranty rules). */
  weekend?: number[];
  source?: string;
}

/**
 * A consumer's right with the facts it depends on (templates/jurisdictions/*.json `rights`).
 * Absent conditions always hold.
 */
export interface RightRule {
  id: string;
  label: Localized;
  /** The sentence a letter cites when the consumer holds the right ({since}: a failed repair's date). */
  letter?: Localized;
  /** The sentence once exercised ({date}: the day it was exercised); else `letter`. */
  letterExercised?: Localized;
  /** Instead of `letter`: the id of a `legalBasis` whose text the letter cites. */
  basis?: string;
  /**
   * The right as a notarial form's legal grounds cite it ("6502 sayılı Tüketicinin Korunması
   * Hakkında Kanun m. 8 ve 11"); the form's grounds list the rights the letter cites.
   */
  grounds?: Localized;
  /** Remedies it gives; the letter prefers the right that gives the remedy asked for. */
  remedies: string[];
  /** Higher is stronger: of the rights held, the letter cites the strongest. */
  rank: number;
  /** Goods or services: a case whose sector is neither counts as goods. */
  supply?: 'goods' | 'services';
  sale?: SaleChannel[];
  /** Payment methods it needs ('card'): a case without one recorded does not hold it. */
  paidBy?: string[];
  /** The card routes (`cardDispute.routes` ids) it needs: a card case on another route does not hold it. */
  cardRoutes?: string[];
  /** The amount range it covers, in minor units of `currency`. */
  amount?: { minMinor?: number; maxMinor?: number; currency: string };
  /** Held only after a failed repair or replacement (recorded, or a repair period that ran out). */
  requires?: 'repair-failed';
  /** The time within which the consumer must act; no window: held while the claim lives. */
  window?: RightPeriod;
  /** The event that exercises it: once recorded inside the window it stays exercised. */
  exercisedBy?: ClockStart;
  /** The clock of `clocks` that gives the time the company has to perform once it is exercised. */
  performClock?: string;
  /** The clock of `clocks` that measures the same window (clock, next and due agree with it). */
  clock?: string;
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
  /** The consumer's rights with their conditions: the letter cites the strongest one held. */
  rights?: RightRule[];
  /** The final notice's default deadline (the pre-action "reasonable time"), with its source. */
  finalNotice?: FinalNoticeRule;
  /** What a consumer who paid by card can ask of the card issuer (`letter --to card-issuer`). */
  cardDispute?: CardDispute;
}

/** The kinds of letter to a card issuer. */
export const CARD_ROUTE_KINDS = ['billing-error', 's75', 'chargeback'] as const;
export type CardRouteKind = (typeof CARD_ROUTE_KINDS)[number];

/** One way to have a card payment put right, with the conditions it needs. */
export interface CardRoute {
  id: string;
  kind: CardRouteKind;
  label: Localized;
  /** The card types it covers; all when absent. */
  cardTypes?: string[];
  /** The price range it covers, in minor units of `currency` (UK s75: over £100, up to £30,000). */
  amount?: { minMinor?: number; maxMinor?: number; currency: string };
  /** The time the letter gives the issuer to answer, counted from the letter (then its delivery). */
  reply: { amount: number; unit: ClockUnit; source: string; verified: boolean };
  source: string;
  verified: boolean;
}

/** The card routes of a jurisdiction, first match wins. */
export interface CardDispute {
  routes: CardRoute[];
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
  /** As a notarial form's legal grounds cite it. */
  grounds?: Localized;
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
