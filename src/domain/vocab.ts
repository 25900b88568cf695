import { hasMessage, t } from '../i18n.js';

/**
 * The closed vocabularies of the data model, defined once (STYLE.md 12): the prompts, the
 * flags, the validation, the letter and the JSON all read them from here.
 */

export const CHANNELS = [
  'phone',
  'email',
  'chat',
  'web-form',
  'in-person',
  'letter',
  'social',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels where a contact lasts a while, so the log asks how long. */
export const TIMED_CHANNELS: readonly Channel[] = ['phone', 'chat', 'in-person'];
/** Channels where the company should give a reference number; log reminds the user to ask. */
export const REFERENCE_CHANNELS: readonly Channel[] = [
  'phone',
  'chat',
  'in-person',
  'email',
  'web-form',
];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const REMEDIES = [
  'refund',
  'replacement',
  'repair',
  'price-reduction',
  'cancellation',
  'compensation',
  'other',
] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Remedies paid in money: closing one as resolved needs the amount received. */
export const MONEY_REMEDIES: readonly Remedy[] = ['refund', 'price-reduction', 'compensation'];

export const CASE_STATUSES = ['open', 'waiting', 'escalated', 'resolved', 'abandoned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses that still need the user's attention. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['open', 'waiting', 'escalated'];

export const OUTCOMES = [
  'resolved',
  'unresolved',
  'transferred',
  'escalated',
  'call-dropped',
  'no-answer',
] as const;
export type ContactOutcome = (typeof OUTCOMES)[number];

export const SUPERVISOR = ['asked', 'granted', 'refused'] as const;
export type SupervisorRequest = (typeof SUPERVISOR)[number];

export const PROMISE_STATES = ['pending', 'kept', 'broken'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/** Sectors some legal clocks and forums are limited to (regulated firms in the UK, finance in the US). */
export const SECTORS = [
  'finance',
  'energy',
  'telecoms',
  'goods',
  'services',
  'housing',
  'travel',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Kinds of logged escalation: a contact that went beyond the company. */
export const ESCALATION_KINDS = [
  'social-media',
  'regulator',
  'arbitration',
  'ombudsman',
  'mediation',
  'court',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** How a case ends: resolved only when the remedy arrived. */
export const CLOSE_OUTCOMES = ['resolved', 'abandoned', 'escalated-elsewhere'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** The escalation ladder, first rung first: `complain next` says where a case stands on it. */
export const LADDER_STEPS = [
  'first-contact',
  'follow-up',
  'supervisor',
  'written-complaint',
  'forum',
  'last-resort',
] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export const EVIDENCE_KINDS = [
  'receipt',
  'contract',
  'warranty',
  'photo',
  'screenshot',
  'recording',
  'correspondence',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Ways to send a letter so that its arrival can be proven (jurisdictions list the usual ones). */
export const SENDING_METHODS = [
  'certified-mail',
  'registered-mail',
  'recorded-delivery',
  'notary',
  'kep',
  'post-notice',
  'in-person',
  'email',
] as const;
export type SendingMethod = (typeof SENDING_METHODS)[number];

export const LANGUAGES = ['en', 'tr', 'fa', 'kk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The label of a vocabulary value in the interface language (`vocab.<value>`), or the value. */
export function labelOf(value: string): string {
  const key = `vocab.${value}`;
  return hasMessage(key) ? t(key) : value;
}

/** Checks that `value` is one of `allowed`; names the flag and the allowed values otherwise. */
export function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}
