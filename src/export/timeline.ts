import type { EvidenceRecord } from '../db/evidence-repo.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import { formatMoneyShort } from '../domain/money.js';
import { labelOf } from '../domain/vocab.js';
import { formatDay, formatInstant } from '../output/format.js';
import { t } from '../i18n.js';

/** One contact as the timeline documents show it: every value already text. */
export interface TimelineRow {
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
  rows: TimelineRow[];
  evidence: { name: string; label: string; kind: string }[];
}

/** The model of timeline.docx. */
export function timelineDocument(
  k: CaseRecord,
  contacts: ContactRecord[],
  evidence: { record: EvidenceRecord; name: string }[],
  now: Date,
  timeZone: string,
): TimelineDocument {
  return {
    title: t('evidence.timeline.title', { id: String(k.id), title: k.title }),
    generated: t('evidence.timeline.generated', {
      at: formatInstant(now, timeZone),
      zone: timeZone,
    }),
    facts: caseFacts(k),
    rows: timelineRows(contacts, timeZone),
    evidence: evidence.map((e) => ({
      name: e.name,
      label: e.record.label,
      kind: e.record.kind,
    })),
  };
}
