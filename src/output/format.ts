import type { ChalkInstance } from 'chalk';
import type { CaseActivity } from '../db/contact-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import { calendarDaysBetween } from '../domain/dates.js';
import { jurisdictionName } from '../domain/jurisdiction.js';
import type { CaseRecord, ContactRecord, PromiseRecord } from '../domain/model.js';
import { formatMoneyShort } from '../domain/money.js';
import { labelOf } from '../domain/vocab.js';
import { formatLetterDate } from '../letter/template.js';
import { formatBytes } from './progress.js';

// Building an Intl.DateTimeFormat costs far more than using one: `list` formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'instant' | 'day', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}\u0000${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const day = { timeZone, day: 'numeric', month: 'short', year: 'numeric' } as const;
    f = new Intl.DateTimeFormat(
      'en-GB',
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

/** "23 Nov 2026" in the user's zone. */
export function formatDay(at: Date, timeZone: string): string {
  return formatter('day', timeZone).format(at);
}

/** "20 Nov 2026" for a calendar date (YYYY-MM-DD), the same in every zone. */
export function formatDate(date: string): string {
  return formatLetterDate(date, 'en-GB', { dateStyle: 'medium' });
}

/** "in 3 days", "today", "5 days overdue". */
export function relativeDue(due: Date, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(now, due, timeZone);
  if (due.getTime() < now.getTime()) {
    const late = -days;
    return late <= 0 ? 'overdue today' : `${late} ${late === 1 ? 'day' : 'days'} overdue`;
  }
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

const width = (s: string) => [...s].length;

function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** A plain table: a header, then rows; colours may wrap cells after the widths are measured. */
export function renderTable(
  headers: string[],
  rows: string[][],
  options: {
    maxWidths?: number[];
    paint?: (row: number, col: number, cell: string) => string;
    header?: (s: string) => string;
  } = {},
): string {
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
      k.status,
      a?.lastContactAt ? formatDay(a.lastContactAt, timeZone) : '—',
      next ? `${formatDay(next.dueAt, timeZone)} (${relativeDue(next.dueAt, now, timeZone)})` : '—',
    ];
  });
  return renderTable(['CASE', 'COMPANY', 'TITLE', 'STATUS', 'LAST CONTACT', 'NEXT DUE'], rows, {
    maxWidths: [6, 24, 40, 10, 12, 40],
    header: (s) => c.bold(s),
    paint: (ri, ci, cell) => {
      if (ci === 5 && cell.includes('overdue')) return c.red.bold(cell);
      if (ci === 0) return c.cyan(cell);
      if (ci === 3 && cases[ri]!.status === 'resolved') return c.green(cell);
      return cell;
    },
  });
}

function field(
  label: string,
  value: string | null | undefined,
  c: ChalkInstance,
): string | undefined {
  return value ? `${c.dim(label.padEnd(14))}${value}` : undefined;
}

function promiseLine(p: PromiseRecord, now: Date, tz: string, c: ChalkInstance): string {
  const when = formatInstant(p.dueAt, tz).replace(/ 23:59$/, '');
  let state: string = p.state;
  if (p.state === 'pending') state = relativeDue(p.dueAt, now, tz);
  const painted =
    p.state === 'kept'
      ? c.green(state)
      : p.state === 'broken' || state.includes('overdue')
        ? c.red(state)
        : c.yellow(state);
  return `promise #${p.id}: ${p.text} — by ${when} [${painted}]`;
}

function contactBlock(k: ContactRecord, now: Date, tz: string, c: ChalkInstance): string[] {
  const minutes = k.endedAt
    ? Math.round((k.endedAt.getTime() - k.startedAt.getTime()) / 60_000)
    : null;
  const head = [
    c.bold(formatInstant(k.startedAt, tz)),
    labelOf(k.channel) + (k.direction === 'inbound' ? ' (inbound)' : ''),
    minutes !== null ? `${minutes} min` : undefined,
    k.reference ? `ref ${c.bold(k.reference)}` : c.yellow('no reference number'),
  ].filter(Boolean);
  const lines = [`${c.cyan(`contact #${k.id}`)}  ${head.join(' · ')}`];
  const pad = '    ';
  if (k.reps.length > 0) {
    const reps = k.reps.map(
      (r) => `${r.name}${r.repId ? ` (ID ${r.repId})` : ''}${r.role ? `, ${r.role}` : ''}`,
    );
    lines.push(
      `${pad}${k.reps.length > 1 ? 'spoke to (in order): ' : 'spoke to: '}${reps.join(' → ')}`,
    );
  }
  if (k.department) lines.push(`${pad}department: ${k.department}`);
  lines.push(`${pad}${k.summary}`);
  if (k.nextSteps) lines.push(`${pad}next steps: ${k.nextSteps}`);
  if (k.responsible) lines.push(`${pad}responsible: ${k.responsible}`);
  if (k.expectedTime) lines.push(`${pad}how long: ${k.expectedTime}`);
  for (const p of k.promises) lines.push(pad + promiseLine(p, now, tz, c));
  if (k.supervisor) lines.push(`${pad}supervisor: ${labelOf(k.supervisor).toLowerCase()}`);
  if (k.rude) {
    lines.push(`${pad}${c.red('rude conduct')}${k.quotes.length ? ':' : ''}`);
    for (const q of k.quotes) lines.push(`${pad}  “${q}”`);
  }
  if (k.escalation) {
    const e = k.escalation;
    const parts = [e.forum, e.platform, e.fileNumber ? `file ${e.fileNumber}` : null, e.link];
    lines.push(
      `${pad}${c.magenta(`escalation: ${labelOf(e.kind).toLowerCase()}`)} ${parts.filter(Boolean).join(' · ')}`,
    );
  }
  if (k.outcome) lines.push(`${pad}outcome: ${labelOf(k.outcome).toLowerCase()}`);
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
    `${c.bold(`Case #${k.id}: ${k.title}`)}  [${k.status}]`,
    '',
    field('Company', company.name, c),
    field('Reach them', channels, c),
    field('Address', company.address?.replace(/\n/g, ', '), c),
    field('Product', k.product, c),
    field('Purchased', k.purchasedOn, c),
    field('Order', k.orderRef, c),
    field('Account', k.accountRef, c),
    field('Amount', k.amount ? formatMoneyShort(k.amount) : null, c),
    field('Problem since', k.occurredOn, c),
    field('Jurisdiction', `${k.jurisdiction} (${jurisdictionName(k.jurisdiction)})`, c),
    '',
    field('Situation', k.situation, c),
    field('Problem', k.problem, c),
    field('Request', k.request, c),
    field('Remedy', `${labelOf(k.remedy)}${k.remedyDetail ? `: ${k.remedyDetail}` : ''}`, c),
    field('Outcome', k.outcome, c),
    '',
    c.bold(`Timeline (${contacts.length} ${contacts.length === 1 ? 'contact' : 'contacts'})`),
  ].filter((l): l is string => l !== undefined);
  if (contacts.length === 0)
    lines.push(
      c.dim(
        '  nothing logged yet: after each call, chat or e-mail run `complain log ' + k.id + '`',
      ),
    );
  for (const contact of contacts)
    lines.push(...contactBlock(contact, now, tz, c).map((l) => '  ' + l));
  lines.push(...evidenceBlock(k.id, evidence, c));
  return lines.join('\n') + '\n';
}

/** `complain evidence <case>`: the order the letter's enclosures follow. */
export function renderEvidenceList(evidence: EvidenceRecord[], c: ChalkInstance): string {
  return renderTable(
    ['#', 'ID', 'KIND', 'LABEL', 'FILE', 'SIZE', 'SHA-256'],
    evidence.map((e) => [
      String(e.position),
      String(e.id),
      e.kind,
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
  const lines = [
    '',
    c.bold(`Evidence (${evidence.length} ${evidence.length === 1 ? 'file' : 'files'})`),
  ];
  if (evidence.length === 0)
    lines.push(c.dim(`  none yet: keep copies with \`complain attach ${caseId} <file…>\``));
  for (const e of evidence)
    lines.push(
      `  ${e.position}. ${e.label} (${e.kind}, ${e.originalName}, ${formatBytes(e.size)})`,
    );
  return lines;
}
