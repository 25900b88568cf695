import type { EvidenceRecord } from '../db/evidence-repo.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import { formatMoneyShort } from '../domain/money.js';
import { labelOf } from '../domain/vocab.js';
import { formatDay, formatInstant } from '../output/format.js';

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

/** The columns of timeline.csv, in order, with their headers. */
export const TIMELINE_COLUMNS: readonly [keyof TimelineRow, string][] = [
  ['startedAt', 'started (UTC)'],
  ['startedLocal', 'started'],
  ['endedLocal', 'ended'],
  ['durationMinutes', 'minutes'],
  ['channel', 'channel'],
  ['direction', 'direction'],
  ['representatives', 'representatives'],
  ['department', 'department'],
  ['reference', 'reference'],
  ['summary', 'summary'],
  ['nextSteps', 'next steps'],
  ['responsible', 'responsible'],
  ['expectedTime', 'expected time'],
  ['outcome', 'outcome'],
  ['supervisor', 'supervisor'],
  ['rude', 'rude'],
  ['quotes', 'quotes'],
  ['promises', 'promises'],
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
      .map((r) => [r.name, r.repId ? `ID ${r.repId}` : '', r.role ?? ''].filter(Boolean).join(', '))
      .join('; '),
    department: c.department ?? '',
    reference: c.reference ?? '',
    summary: c.summary,
    nextSteps: c.nextSteps ?? '',
    responsible: c.responsible ?? '',
    expectedTime: c.expectedTime ?? '',
    outcome: c.outcome ? labelOf(c.outcome) : '',
    supervisor: c.supervisor ? labelOf(c.supervisor) : '',
    rude: c.rude ? 'yes' : '',
    quotes: c.quotes.map((q) => `“${q}”`).join(' '),
    promises: c.promises
      .map((p) => `${p.text} (due ${formatDay(p.dueAt, timeZone)}, ${labelOf(p.state)})`)
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
    TIMELINE_COLUMNS.map(([, h]) => csvCell(h)).join(','),
    ...rows.map((r) => TIMELINE_COLUMNS.map(([k]) => csvCell(r[k])).join(',')),
  ];
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The facts at the top of the timeline document, as label/value pairs. */
export function caseFacts(k: CaseRecord): [string, string][] {
  const pairs: [string, string | null][] = [
    ['Company', k.company.name],
    ['Address', k.company.address],
    ['Product or service', k.product],
    ['Purchased', k.purchasedOn],
    ['Order', k.orderRef],
    ['Account', k.accountRef],
    ['Amount', k.amount ? formatMoneyShort(k.amount) : null],
    ['Problem since', k.occurredOn],
    ['Situation', k.situation],
    ['Problem', k.problem],
    ['Request', k.request],
    ['Remedy', `${labelOf(k.remedy)}${k.remedyDetail ? `: ${k.remedyDetail}` : ''}`],
    ['Status', labelOf(k.status)],
    ['Outcome', k.outcome],
  ];
  return pairs.filter((p): p is [string, string] => Boolean(p[1]));
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
    title: `Case #${k.id}: ${k.title}`,
    generated: `Case file exported ${formatInstant(now, timeZone)} (${timeZone})`,
    facts: caseFacts(k),
    rows: timelineRows(contacts, timeZone),
    evidence: evidence.map((e) => ({
      name: e.name,
      label: e.record.label,
      kind: e.record.kind,
    })),
  };
}
