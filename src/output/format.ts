import type { ChalkInstance } from 'chalk';
import type { CaseActivity } from '../db/contact-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import { calendarDaysBetween } from '../domain/dates.js';
import { jurisdictionName } from '../domain/jurisdiction.js';
import type { CaseRecord, ContactRecord, PromiseRecord } from '../domain/model.js';
import { formatMoneyShort } from '../domain/money.js';
import { isClosed } from '../domain/closure.js';
import { labelOf } from '../domain/vocab.js';
import { maskedCard, paymentLabel } from '../domain/payment.js';
import { formatLetterDate } from '../letter/template.js';
import { formatBytes } from './progress.js';
import { isRtlLanguage, t, uiLanguage, uiLocale } from '../i18n.js';

// Building an Intl.DateTimeFormat costs far more than using one: `list` formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'instant' | 'day', timeZone: string): Intl.DateTimeFormat {
  const locale = uiLocale();
  const key = `${kind}\u0000${timeZone}\u0000${locale}`;
  let f = formatters.get(key);
  if (!f) {
    const day = { timeZone, day: 'numeric', month: 'short', year: 'numeric' } as const;
    f = new Intl.DateTimeFormat(
      locale,
      kind === 'day' ? day : { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    formatters.set(key, f);
  }
  return f;
}

/** "23 Nov 2026 14:05" in the user's zone: what the text output shows for an instant. */
export function formatInstant(at: Date, timeZone: string): string {
  return formatter('instant', timeZone).format(at).replace(',', '');
}

/** "Sat 5 Dec 2026" (a due at the end of its day), "Sat 5 Dec 2026 14:00": a due, with its weekday. */
export function formatDueDay(at: Date, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', timeZone }).format(at);
  return `${weekday} ${formatInstant(at, timeZone).replace(/ 23:59$/, '')}`;
}

/** "23 Nov 2026" in the user's zone. */
export function formatDay(at: Date, timeZone: string): string {
  return formatter('day', timeZone).format(at);
}

/** "20 Nov 2026" for a calendar date (YYYY-MM-DD), the same in every zone. */
export function formatDate(date: string): string {
  return formatLetterDate(date, uiLocale(), { dateStyle: 'medium' });
}

/** "in 3 days", "today", "5 days overdue". */
export function relativeDue(due: Date, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(now, due, timeZone);
  if (due.getTime() < now.getTime()) {
    const late = -days;
    return late <= 0 ? t('view.due.overdueToday') : t('view.due.overdue', { count: late });
  }
  if (days === 0) return t('view.due.today');
  if (days === 1) return t('view.due.tomorrow');
  return t('view.due.inDays', { count: days });
}

/** Whether a due date has passed: what the views paint red. */
export function isOverdue(due: Date, now: Date): boolean {
  return due.getTime() < now.getTime();
}

const width = (s: string) => [...s].length;

function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/**
 * A plain table: a header, then rows; colours may wrap cells after the widths are measured.
 * In a right-to-left interface (Persian) each row is one line of "heading: cell" pairs instead:
 * columns padded with spaces fall apart in terminals that reorder bidirectional text, and in
 * those that do not.
 */
export function renderTable(
  headers: string[],
  rows: string[][],
  options: {
    maxWidths?: number[];
    paint?: (row: number, col: number, cell: string) => string;
    header?: (s: string) => string;
    /** Columns (`table`) or one line a row (`lines`); the default follows the interface direction. */
    layout?: 'table' | 'lines';
  } = {},
): string {
  const layout = options.layout ?? (isRtlLanguage(uiLanguage()) ? 'lines' : 'table');
  if (layout === 'lines') {
    return rows
      .map(
        (r, ri) =>
          r
            .map((c, ci) => {
              const cell = options.paint ? options.paint(ri, ci, c) : c;
              return headers[ci] ? `${headers[ci]}: ${cell}` : cell;
            })
            .filter((_, ci) => r[ci] !== '' && r[ci] !== '—')
            .join(' · ') + '\n',
      )
      .join('');
  }
  const cells = rows.map((r) => r.map((c, i) => fit(c, options.maxWidths?.[i] ?? 60)));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[], paint?: (col: number, cell: string) => string) =>
    r
      .map((c, i) => {
        const padded = i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c));
        return paint ? paint(i, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const head = line(headers, (_, cell) => (options.header ? options.header(cell) : cell));
  return (
    [
      head,
      ...cells.map((r, ri) =>
        line(r, options.paint ? (ci, cell) => options.paint!(ri, ci, cell) : undefined),
      ),
    ].join('\n') + '\n'
  );
}

/** `complain list`. */
export function renderCaseList(
  cases: CaseRecord[],
  activity: Map<number, CaseActivity>,
  now: Date,
  timeZone: string,
  c: ChalkInstance,
): string {
  if (cases.length === 0) return '';
  const rows = cases.map((k) => {
    const a = activity.get(k.id);
    const next = a?.nextPromise;
    return [
      `#${k.id}`,
      k.company.name,
      k.title,
      labelOf(k.status),
      a?.lastContactAt ? formatDay(a.lastContactAt, timeZone) : '—',
      next ? `${formatDay(next.dueAt, timeZone)} (${relativeDue(next.dueAt, now, timeZone)})` : '—',
    ];
  });
  const headers = [
    t('view.list.case'),
    t('view.list.company'),
    t('view.list.title'),
    t('view.list.status'),
    t('view.list.lastContact'),
    t('view.list.nextDue'),
  ];
  return renderTable(headers, rows, {
    maxWidths: [6, 24, 40, 10, 12, 40],
    header: (s) => c.bold(s),
    paint: (ri, ci, cell) => {
      const due = activity.get(cases[ri]!.id)?.nextPromise?.dueAt;
      if (ci === 5 && due && isOverdue(due, now)) return c.red.bold(cell);
      if (ci === 0) return c.cyan(cell);
      if (ci === 3 && cases[ri]!.status === 'resolved') return c.green(cell);
      return cell;
    },
  });
}

/** "card (credit), Chase, •••• 1234, statement 2026-10-05": never more than the last four digits. */
function paymentText(k: CaseRecord): string | null {
  if (!k.paidBy) return null;
  if (k.paidBy !== 'card') return paymentLabel(k.paidBy);
  return [
    k.cardType ? t(`card.show.${k.cardType}`) : paymentLabel('card'),
    k.cardIssuer,
    k.cardLast4 ? maskedCard(k.cardLast4) : null,
    k.statementDate ? t('card.show.statement', { date: k.statementDate }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

function field(
  label: string,
  value: string | null | undefined,
  c: ChalkInstance,
): string | undefined {
  return value ? `${c.dim(label.padEnd(14))}${value}` : undefined;
}

function promiseLine(
  p: PromiseRecord,
  now: Date,
  tz: string,
  c: ChalkInstance,
  closed: boolean,
): string {
  const when = formatInstant(p.dueAt, tz).replace(/ 23:59$/, '');
  let state = labelOf(p.state).toLocaleLowerCase(uiLocale());
  // A closed case has nothing due: its pending promise is history, not "overdue".
  const live = p.state === 'pending' && !closed;
  if (live) state = relativeDue(p.dueAt, now, tz);
  const painted =
    p.state === 'kept'
      ? c.green(state)
      : p.state === 'broken' || (live && isOverdue(p.dueAt, now))
        ? c.red(state)
        : c.yellow(state);
  return t('view.show.promise', { id: String(p.id), text: p.text, when, state: painted });
}

function contactBlock(
  k: ContactRecord,
  now: Date,
  tz: string,
  c: ChalkInstance,
  closed: boolean,
): string[] {
  const minutes = k.endedAt
    ? Math.round((k.endedAt.getTime() - k.startedAt.getTime()) / 60_000)
    : null;
  const head = [
    c.bold(formatInstant(k.startedAt, tz)),
    k.direction === 'inbound'
      ? t('view.show.inbound', { channel: labelOf(k.channel) })
      : labelOf(k.channel),
    minutes !== null ? t('view.show.minutes', { count: minutes }) : undefined,
    k.reference
      ? t('view.show.reference', { reference: c.bold(k.reference) })
      : c.yellow(t('view.show.noReference')),
  ].filter(Boolean);
  const lines = [`${c.cyan(t('view.show.contact', { id: String(k.id) }))}  ${head.join(' · ')}`];
  const pad = '    ';
  if (k.reps.length > 0) {
    const reps = k.reps.map((r) => {
      const who = r.repId ? t('view.show.repWithId', { name: r.name, id: r.repId }) : r.name;
      return r.role ? t('view.show.repWithRole', { rep: who, role: r.role }) : who;
    });
    lines.push(
      pad +
        t(k.reps.length > 1 ? 'view.show.spokeToInOrder' : 'view.show.spokeTo', {
          reps: reps.join(' → '),
        }),
    );
  }
  const lower = (s: string) => s.toLocaleLowerCase(uiLocale());
  if (k.department) lines.push(pad + t('view.show.department', { value: k.department }));
  lines.push(`${pad}${k.summary}`);
  if (k.nextSteps) lines.push(pad + t('view.show.nextSteps', { value: k.nextSteps }));
  if (k.responsible) lines.push(pad + t('view.show.responsible', { value: k.responsible }));
  if (k.expectedTime) lines.push(pad + t('view.show.howLong', { value: k.expectedTime }));
  for (const p of k.promises) lines.push(pad + promiseLine(p, now, tz, c, closed));
  if (k.supervisor)
    lines.push(pad + t('view.show.supervisor', { value: lower(labelOf(k.supervisor)) }));
  if (k.rude) {
    lines.push(`${pad}${c.red(t('view.show.rude'))}${k.quotes.length ? ':' : ''}`);
    for (const q of k.quotes) lines.push(`${pad}  “${q}”`);
  }
  if (k.escalation) {
    const e = k.escalation;
    const parts = [
      e.forum,
      e.platform,
      e.fileNumber ? t('view.show.fileNumber', { number: e.fileNumber }) : null,
      e.link,
    ];
    lines.push(
      `${pad}${c.magenta(t('view.show.escalation', { kind: lower(labelOf(e.kind)) }))} ${parts.filter(Boolean).join(' · ')}`,
    );
  }
  if (k.outcome) lines.push(pad + t('view.show.outcome', { value: lower(labelOf(k.outcome)) }));
  return lines;
}

/** `complain show`. */
export function renderCaseFile(
  k: CaseRecord,
  contacts: ContactRecord[],
  now: Date,
  tz: string,
  c: ChalkInstance,
  evidence: EvidenceRecord[] = [],
): string {
  const company = k.company;
  const channels = [company.phone, company.email, company.website, company.chat, company.social]
    .filter(Boolean)
    .join(' · ');
  const lines = [
    `${c.bold(t('view.show.title', { id: String(k.id), title: k.title }))}  [${labelOf(k.status)}]`,
    '',
    field(t('view.show.company'), company.name, c),
    field(t('view.show.reachThem'), channels, c),
    field(t('view.show.address'), company.address?.replace(/\n/g, ', '), c),
    field(t('view.show.product'), k.product, c),
    field(t('view.show.purchased'), k.purchasedOn, c),
    field(t('view.show.order'), k.orderRef, c),
    field(t('view.show.account'), k.accountRef, c),
    field(t('view.show.amount'), k.amount ? formatMoneyShort(k.amount) : null, c),
    field(t('card.show.paidBy'), paymentText(k), c),
    field(t('view.show.problemSince'), k.occurredOn, c),
    field(
      t('view.show.jurisdiction'),
      `${k.jurisdiction} (${jurisdictionName(k.jurisdiction)})`,
      c,
    ),
    '',
    field(t('view.show.situation'), k.situation, c),
    field(t('view.show.problem'), k.problem, c),
    field(t('view.show.request'), k.request, c),
    field(
      t('view.show.remedy'),
      `${labelOf(k.remedy)}${k.remedyDetail ? `: ${k.remedyDetail}` : ''}`,
      c,
    ),
    field(t('view.show.outcome.label'), k.outcome, c),
    '',
    c.bold(t('view.show.timeline', { count: contacts.length })),
  ].filter((l): l is string => l !== undefined);
  if (contacts.length === 0)
    lines.push(c.dim('  ' + t('view.show.nothingLogged', { id: String(k.id) })));
  for (const contact of contacts)
    lines.push(...contactBlock(contact, now, tz, c, isClosed(k)).map((l) => '  ' + l));
  lines.push(...evidenceBlock(k.id, evidence, c));
  return lines.join('\n') + '\n';
}

/** `complain evidence <case>`: the order the letter's enclosures follow. */
export function renderEvidenceList(evidence: EvidenceRecord[], c: ChalkInstance): string {
  return renderTable(
    [
      '#',
      t('view.evidence.id'),
      t('view.evidence.kind'),
      t('view.evidence.label'),
      t('view.evidence.file'),
      t('view.evidence.size'),
      'SHA-256',
    ],
    evidence.map((e) => [
      String(e.position),
      String(e.id),
      labelOf(e.kind),
      e.label,
      e.originalName,
      formatBytes(e.size),
      e.sha256.slice(0, 12),
    ]),
    { maxWidths: [4, 6, 14, 40, 40, 10, 12], header: (s) => c.bold(s) },
  );
}

/** The short evidence block at the end of `complain show`. */
export function evidenceBlock(
  caseId: number,
  evidence: EvidenceRecord[],
  c: ChalkInstance,
): string[] {
  const lines = ['', c.bold(t('view.evidence.heading', { count: evidence.length }))];
  if (evidence.length === 0)
    lines.push(c.dim('  ' + t('view.evidence.none', { id: String(caseId) })));
  for (const e of evidence)
    lines.push(
      `  ${e.position}. ${e.label} (${labelOf(e.kind)}, ${e.originalName}, ${formatBytes(e.size)})`,
    );
  return lines;
}
