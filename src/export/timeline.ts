import type { EvidenceRecord } from '../db/evidence-repo.js';
import type { LetterRecord } from '../db/letter-repo.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import { formatMoneyShort } from '../domain/money.js';
import { labelOf } from '../domain/vocab.js';
import { formatDate, formatDay, formatInstant } from '../output/format.js';
import { t } from '../i18n.js';

/** One contact as the timeline documents show it: every value already text. */
export interface TimelineRow {
  /** A contact with the company, or a letter written, sent or delivered. */
  event: 'contact' | 'letter';
  startedAt: string;
  startedLocal: string;
  endedLocal: string;
  durationMinutes: string;
  channel: string;
  direction: string;
  representatives: string;
  department: string;
  reference: string;
  summary: string;
  nextSteps: string;
  responsible: string;
  expectedTime: string;
  outcome: string;
  supervisor: string;
  rude: string;
  quotes: string;
  promises: string;
}

/** The columns of timeline.csv, in order, with the catalogue keys of their headers. */
export const TIMELINE_COLUMNS: readonly [keyof TimelineRow, string][] = [
  ['startedAt', 'evidence.timeline.col.startedAt'],
  ['startedLocal', 'evidence.timeline.col.startedLocal'],
  ['endedLocal', 'evidence.timeline.col.endedLocal'],
  ['durationMinutes', 'evidence.timeline.col.durationMinutes'],
  ['channel', 'evidence.timeline.col.channel'],
  ['direction', 'evidence.timeline.col.direction'],
  ['representatives', 'evidence.timeline.col.representatives'],
  ['department', 'evidence.timeline.col.department'],
  ['reference', 'evidence.timeline.col.reference'],
  ['summary', 'evidence.timeline.col.summary'],
  ['nextSteps', 'evidence.timeline.col.nextSteps'],
  ['responsible', 'evidence.timeline.col.responsible'],
  ['expectedTime', 'evidence.timeline.col.expectedTime'],
  ['outcome', 'evidence.timeline.col.outcome'],
  ['supervisor', 'evidence.timeline.col.supervisor'],
  ['rude', 'evidence.timeline.col.rude'],
  ['quotes', 'evidence.timeline.col.quotes'],
  ['promises', 'evidence.timeline.col.promises'],
];

/** The timeline rows of a case, oldest first, times in the user's zone. */
export function timelineRows(contacts: ContactRecord[], timeZone: string): TimelineRow[] {
  return contacts.map((c) => ({
    event: 'contact',
    startedAt: c.startedAt.toISOString(),
    startedLocal: formatInstant(c.startedAt, timeZone),
    endedLocal: c.endedAt ? formatInstant(c.endedAt, timeZone) : '',
    durationMinutes: c.endedAt
      ? String(Math.round((c.endedAt.getTime() - c.startedAt.getTime()) / 60_000))
      : '',
    channel: labelOf(c.channel),
    direction: labelOf(c.direction),
    representatives: c.reps
      .map((r) =>
        [r.name, r.repId ? t('evidence.timeline.repId', { id: r.repId }) : '', r.role ?? '']
          .filter(Boolean)
          .join(', '),
      )
      .join('; '),
    department: c.department ?? '',
    reference: c.reference ?? '',
    summary: c.summary,
    nextSteps: c.nextSteps ?? '',
    responsible: c.responsible ?? '',
    expectedTime: c.expectedTime ?? '',
    outcome: c.outcome ? labelOf(c.outcome) : '',
    supervisor: c.supervisor ? labelOf(c.supervisor) : '',
    rude: c.rude ? t('evidence.timeline.yes') : '',
    quotes: c.quotes.map((q) => `“${q}”`).join(' '),
    promises: c.promises
      .map((p) =>
        t('evidence.timeline.promise', {
          text: p.text,
          due: formatDay(p.dueAt, timeZone),
          state: labelOf(p.state),
        }),
      )
      .join('; '),
  }));
}

const EMPTY_ROW: Omit<TimelineRow, 'event' | 'startedAt' | 'startedLocal' | 'summary'> = {
  endedLocal: '',
  durationMinutes: '',
  channel: '',
  direction: '',
  representatives: '',
  department: '',
  reference: '',
  nextSteps: '',
  responsible: '',
  expectedTime: '',
  outcome: '',
  supervisor: '',
  rude: '',
  quotes: '',
  promises: '',
};

/** A day-only event sorts at midday UTC of that day, among the contacts of the same day. */
function dayInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * The letters of a case as timeline events: written (with the answer it asked for by when),
 * sent (how, with the tracking number) and delivered.
 */
export function letterRows(letters: LetterRecord[], timeZone: string): [Date, TimelineRow][] {
  const rows: [Date, TimelineRow][] = [];
  for (const l of letters) {
    const base = {
      ...EMPTY_ROW,
      event: 'letter' as const,
      // The dispute letter to the card issuer is not a letter to the company.
      channel: t(
        l.kind === 'card-issuer' ? 'card.timeline.channel' : 'evidence.timeline.letterChannel',
      ),
      direction: labelOf('outbound'),
    };
    rows.push([
      l.createdAt,
      {
        ...base,
        startedAt: l.createdAt.toISOString(),
        startedLocal: formatInstant(l.createdAt, timeZone),
        summary: t('evidence.timeline.letterWritten', {
          id: String(l.id),
          language: labelOf(l.language),
          deadline: formatDate(l.deadlineOn),
        }),
        expectedTime: formatDate(l.deadlineOn),
      },
    ]);
    if (l.sentOn)
      rows.push([
        dayInstant(l.sentOn),
        {
          ...base,
          startedAt: l.sentOn,
          startedLocal: formatDate(l.sentOn),
          reference: l.tracking ?? '',
          summary: t('evidence.timeline.letterSent', {
            id: String(l.id),
            via: l.sentVia ? labelOf(l.sentVia) : 'none',
          }),
        },
      ]);
    if (l.deliveredOn)
      rows.push([
        dayInstant(l.deliveredOn),
        {
          ...base,
          startedAt: l.deliveredOn,
          startedLocal: formatDate(l.deliveredOn),
          reference: l.tracking ?? '',
          summary: t('evidence.timeline.letterDelivered', {
            id: String(l.id),
            deadline: formatDate(l.deadlineOn),
          }),
        },
      ]);
  }
  return rows;
}

/** Contacts and letter events in one list, oldest first (a contact first on a tie). */
export function mergedTimeline(
  contacts: ContactRecord[],
  letters: LetterRecord[],
  timeZone: string,
): TimelineRow[] {
  const contactRows = timelineRows(contacts, timeZone);
  const all: [Date, TimelineRow, number][] = [
    ...contacts.map((c, i): [Date, TimelineRow, number] => [c.startedAt, contactRows[i]!, i]),
    ...letterRows(letters, timeZone).map(([at, row], i): [Date, TimelineRow, number] => [
      at,
      row,
      contacts.length + i,
    ]),
  ];
  all.sort((a, b) => a[0].getTime() - b[0].getTime() || a[2] - b[2]);
  return all.map(([, row]) => row);
}

function csvCell(value: string): string {
  // A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** timeline.csv: UTF-8 with a BOM (spreadsheets then read Turkish and Persian right), CRLF. */
export function renderTimelineCsv(rows: TimelineRow[]): Buffer {
  const lines = [
    TIMELINE_COLUMNS.map(([, h]) => csvCell(t(h))).join(','),
    ...rows.map((r) => TIMELINE_COLUMNS.map(([k]) => csvCell(r[k])).join(',')),
  ];
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The facts at the top of the timeline document, as label/value pairs. */
export function caseFacts(k: CaseRecord): [string, string][] {
  const pairs: [string, string | null][] = [
    ['company', k.company.name],
    ['address', k.company.address],
    ['product', k.product],
    ['purchased', k.purchasedOn],
    ['order', k.orderRef],
    ['account', k.accountRef],
    ['amount', k.amount ? formatMoneyShort(k.amount) : null],
    ['since', k.occurredOn],
    ['situation', k.situation],
    ['problem', k.problem],
    ['request', k.request],
    ['remedy', `${labelOf(k.remedy)}${k.remedyDetail ? `: ${k.remedyDetail}` : ''}`],
    ['status', labelOf(k.status)],
    ['outcome', k.outcome],
  ];
  return pairs
    .filter((p): p is [string, string] => Boolean(p[1]))
    .map(([key, value]) => [t(`evidence.timeline.fact.${key}`), value]);
}

/** Everything the timeline document shows. */
export interface TimelineDocument {
  title: string;
  generated: string;
  facts: [string, string][];
  /** Whether the document is written right to left (Persian). */
  rtl: boolean;
  rows: TimelineRow[];
  /** Contacts among the rows (the heading counts them). */
  contactCount: number;
  /** One line per letter: when written, how and when sent, tracking, delivery, or a draft. */
  letters: string[];
  evidence: { name: string; label: string; kind: string }[];
}

/** The model of timeline.docx. */
export function timelineDocument(
  k: CaseRecord,
  contacts: ContactRecord[],
  letters: LetterRecord[],
  evidence: { record: EvidenceRecord; name: string }[],
  now: Date,
  timeZone: string,
  rtl: boolean,
): TimelineDocument {
  return {
    title: t('evidence.timeline.title', { id: String(k.id), title: k.title }),
    generated: t('evidence.timeline.generated', {
      at: formatInstant(now, timeZone),
      zone: timeZone,
    }),
    facts: caseFacts(k),
    rtl,
    rows: mergedTimeline(contacts, letters, timeZone),
    contactCount: contacts.length,
    letters: letters.map((l) => letterLine(l, timeZone)),
    evidence: evidence.map((e) => ({
      name: e.name,
      label: e.record.label,
      kind: e.record.kind,
    })),
  };
}

/**
 * "Letter #2 of 3 Nov 2026 (English), answer asked by 17 Nov 2026; sent 4 Nov 2026, registered
 * mail; tracking RR…; delivered 6 Nov 2026", or "…; draft, not sent".
 */
export function letterLine(l: LetterRecord, timeZone: string): string {
  const parts = [
    t('evidence.timeline.letterHead', {
      id: String(l.id),
      date: formatDay(l.createdAt, timeZone),
      language: labelOf(l.language),
      deadline: formatDate(l.deadlineOn),
    }),
  ];
  if (!l.sentOn) parts.push(t('evidence.timeline.letterDraftPart'));
  else {
    parts.push(
      t('evidence.timeline.letterSentPart', {
        date: formatDate(l.sentOn),
        via: l.sentVia ? labelOf(l.sentVia) : 'none',
      }),
    );
    if (l.tracking) parts.push(t('evidence.timeline.letterTrackingPart', { tracking: l.tracking }));
    if (l.deliveredOn)
      parts.push(t('evidence.timeline.letterDeliveredPart', { date: formatDate(l.deliveredOn) }));
  }
  return parts.join('; ');
}
