import { ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import type { Clock } from './dates.js';
import { parseDue, parseDuration, parseInstant } from './dates.js';
import type { ContactFields, Escalation, PromiseInput, Rep } from './model.js';
import { sanitizeText } from './text.js';
import type { Channel } from './vocab.js';
import { CHANNELS, DIRECTIONS, ESCALATION_KINDS, OUTCOMES, SUPERVISOR, isOneOf } from './vocab.js';

/** A contact as typed: every value a string, lists in the order given. */
export interface RawContact {
  channel?: string | undefined;
  direction?: string | undefined;
  at?: string | undefined;
  ended?: string | undefined;
  duration?: string | undefined;
  reps: { name: string; repId?: string | undefined; role?: string | undefined }[];
  reference?: string | undefined;
  department?: string | undefined;
  summary?: string | undefined;
  nextSteps?: string | undefined;
  responsible?: string | undefined;
  expectedTime?: string | undefined;
  promises: { text: string; due: string }[];
  outcome?: string | undefined;
  supervisor?: string | undefined;
  rude?: boolean | undefined;
  quotes: string[];
  escalation?: RawEscalation | undefined;
}

/** An escalation as typed: `--escalation --forum --platform --link --file-number`. */
export interface RawEscalation {
  kind?: string | undefined;
  forum?: string | undefined;
  platform?: string | undefined;
  link?: string | undefined;
  fileNumber?: string | undefined;
}

/** A contact ready to store, with its promises. */
export interface ContactInput {
  fields: ContactFields;
  promises: PromiseInput[];
  /** Written when given; an edit without it leaves the stored escalation alone. */
  escalation?: Escalation | null;
}

/** A little slack for clocks and for "now" typed a minute late. */
const FUTURE_SLACK_MS = 5 * 60_000;

function opt(text: string | undefined): string | null {
  if (text === undefined) return null;
  const v = sanitizeText(text);
  return v ? v : null;
}

/** Checks a vocabulary value, naming the flag and the allowed values. */
export function parseChoice<T extends string>(
  flag: string,
  allowed: readonly T[],
  text: string,
): T {
  const value = text.trim().toLowerCase();
  if (!isOneOf(allowed, value)) {
    throw new ValidationError(
      flag,
      t('case.error.notOneOf', { flag: `--${flag}`, text, values: allowed.join(', ') }),
      t('case.error.useOneOf', { values: allowed.join(', ') }),
    );
  }
  return value;
}

/** Parses a rep's name: never empty. */
export function parseRepName(text: string): string {
  const v = sanitizeText(text);
  if (!v) throw new ValidationError('rep', t('case.error.repEmpty'), t('case.error.repEmptyHint'));
  return v;
}

/** Parses the start of a contact: not in the future. */
export function parseContactStart(text: string, clock: Clock): Date {
  const at = parseInstant(text, '--at', clock);
  if (at.getTime() > clock.now.getTime() + FUTURE_SLACK_MS) {
    throw new ValidationError(
      'at',
      t('case.error.atInFuture', { text }),
      t('case.error.atInFutureHint'),
    );
  }
  return at;
}

/** Parses a promise's due date: after the contact started. */
export function parsePromiseDue(text: string, startedAt: Date, clock: Clock): Date {
  const due = parseDue(text, '--due', clock);
  if (due.getTime() < startedAt.getTime()) {
    throw new ValidationError(
      'due',
      t('case.error.dueBeforeContact', { text }),
      t('case.error.dueBeforeContactHint'),
    );
  }
  return due;
}

/**
 * Validates an escalation. A platform or a link alone means a public post; a file number needs
 * the kind of body it was filed with. Returns null when nothing was given.
 */
export function parseEscalation(raw: RawEscalation | undefined): Escalation | null {
  if (!raw) return null;
  const platform = opt(raw.platform);
  const link = opt(raw.link);
  const fileNumber = opt(raw.fileNumber);
  const forum = opt(raw.forum);
  if (!raw.kind && !platform && !link && !fileNumber && !forum) return null;
  let kind = raw.kind ? parseChoice('escalation', ESCALATION_KINDS, raw.kind) : undefined;
  if (!kind && (platform || link)) kind = 'social-media';
  if (!kind) {
    throw new ValidationError(
      'escalation',
      t('case.error.escalationMissing'),
      t('case.error.escalationMissingHint', {
        kinds: ESCALATION_KINDS.filter((k) => k !== 'social-media').join('|'),
      }),
    );
  }
  if (kind === 'social-media' && !platform && !link) {
    throw new ValidationError(
      'platform',
      t('case.error.postNeedsPlatform'),
      t('case.error.postNeedsPlatformHint'),
    );
  }
  if (link) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(link).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      throw new ValidationError(
        'link',
        t('case.error.linkInvalid', { link }),
        t('case.error.linkInvalidHint'),
      );
  }
  return { kind, forum, platform, link, fileNumber };
}

/** The channel an escalation goes through when --channel is not given. */
export function escalationChannel(raw: RawEscalation | undefined): Channel | undefined {
  if (!raw || (!raw.kind && !raw.platform && !raw.link)) return undefined;
  return raw.kind === undefined || raw.kind === 'social-media' ? 'social' : 'web-form';
}

/**
 * Validates a whole contact. `now` stands in for a missing --at; with only --duration, the
 * contact is taken to have just ended.
 */
export function parseContact(raw: RawContact, clock: Clock): ContactInput {
  const channelText = raw.channel ?? escalationChannel(raw.escalation);
  if (!channelText)
    throw new ValidationError(
      'channel',
      t('case.error.channelMissing'),
      t('case.error.useOneOf', { values: CHANNELS.join(', ') }),
    );
  const channel = parseChoice('channel', CHANNELS, channelText);
  const escalation = parseEscalation(raw.escalation);
  const direction = raw.direction
    ? parseChoice('direction', DIRECTIONS, raw.direction)
    : 'outbound';
  if (raw.ended && raw.duration) {
    throw new ValidationError(
      'ended',
      t('case.error.endedAndDuration'),
      t('case.error.endedAndDurationHint'),
    );
  }
  const minutes = raw.duration ? parseDuration(raw.duration) : undefined;
  let startedAt: Date;
  let endedAt: Date | null = null;
  if (raw.at) {
    startedAt = parseContactStart(raw.at, clock);
    if (minutes !== undefined) endedAt = new Date(startedAt.getTime() + minutes * 60_000);
  } else {
    endedAt = raw.ended ? parseInstant(raw.ended, '--ended', clock) : clock.now;
    startedAt = minutes !== undefined ? new Date(endedAt.getTime() - minutes * 60_000) : endedAt;
    if (raw.ended === undefined && minutes === undefined) endedAt = null;
  }
  if (raw.ended && raw.at) endedAt = parseInstant(raw.ended, '--ended', clock);
  if (endedAt && endedAt.getTime() < startedAt.getTime()) {
    throw new ValidationError(
      'ended',
      t('case.error.endedBeforeAt', { ended: raw.ended, at: raw.at }),
      t('case.error.endedBeforeAtHint'),
    );
  }
  if (endedAt && endedAt.getTime() > clock.now.getTime() + FUTURE_SLACK_MS) {
    throw new ValidationError(
      'ended',
      t('case.error.endsInFuture'),
      t('case.error.endsInFutureHint'),
    );
  }
  const summary = opt(raw.summary);
  if (!summary)
    throw new ValidationError(
      'summary',
      t('case.error.summaryMissing'),
      t('case.error.summaryMissingHint'),
    );
  const reps: Rep[] = raw.reps.map((r) => ({
    name: parseRepName(r.name),
    repId: opt(r.repId),
    role: opt(r.role),
  }));
  const quotes = raw.quotes.map((q) => sanitizeText(q)).filter((q) => q.length > 0);
  const promises = raw.promises.map((p) => {
    const text = sanitizeText(p.text);
    if (!text)
      throw new ValidationError(
        'promise',
        t('case.error.promiseEmpty'),
        t('case.error.promiseEmptyHint'),
      );
    return { text, dueAt: parsePromiseDue(p.due, startedAt, clock) };
  });
  return {
    fields: {
      channel,
      direction,
      startedAt,
      endedAt,
      reference: opt(raw.reference),
      department: opt(raw.department),
      summary,
      nextSteps: opt(raw.nextSteps),
      responsible: opt(raw.responsible),
      expectedTime: opt(raw.expectedTime),
      outcome: raw.outcome ? parseChoice('outcome', OUTCOMES, raw.outcome) : null,
      supervisor: raw.supervisor ? parseChoice('supervisor', SUPERVISOR, raw.supervisor) : null,
      rude: Boolean(raw.rude) || quotes.length > 0,
      quotes,
      reps,
    },
    promises,
    ...(escalation ? { escalation } : {}),
  };
}
